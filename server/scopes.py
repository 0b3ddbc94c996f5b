"""Names of the sync scopes Krąg's domains publish rows to."""

CATALOG = "catalog"  # every signed-in user: networks she may join, schools, the Poradnia
STAFF = "staff"  # Poradnia employees: the request queue, the staff list
ADMINS = "admins"  # Poradnia administrators, who manage every network: its invitations


def user_scope(user_id: str) -> str:
    return f"user:{user_id}"


def network_scope(network_id: str) -> str:
    return f"network:{network_id}"


def managers_scope(network_id: str) -> str:
    """What only a network's coordinators see (e-mailed invitations), not its members."""
    return f"managers:{network_id}"
