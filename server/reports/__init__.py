"""The network's year on paper: the annual report, the Poradnia's summary, certificates."""
