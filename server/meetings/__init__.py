"""A network's meetings: when and where, the agenda and experts, who comes, who came."""
