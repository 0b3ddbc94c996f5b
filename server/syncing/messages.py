"""Krąg's words for the sync engine's own refusals (the engine knows only their codes)."""

ENGINE = {
    "unknown_mutation": "Nieznana operacja: {name}",
    "invalid": "Niepoprawne dane.",
    "conflict": "Ten zapis koliduje z danymi na serwerze.",
}
