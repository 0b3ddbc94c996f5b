"""Names of the sync scopes Krąg's domains publish rows to."""

CATALOG = "catalog"  # every signed-in user: the networks she may join


def user_scope(user_id: str) -> str:
    return f"user:{user_id}"


def network_scope(network_id: str) -> str:
    return f"network:{network_id}"
