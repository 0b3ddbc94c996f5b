"""Names of the sync scopes Krąg's domains publish rows to."""

CATALOG = "catalog"  # every signed-in user: networks she may join, schools, the Poradnia
STAFF = "staff"  # Poradnia employees: the request queue, the staff list


def user_scope(user_id: str) -> str:
    return f"user:{user_id}"


def network_scope(network_id: str) -> str:
    return f"network:{network_id}"
