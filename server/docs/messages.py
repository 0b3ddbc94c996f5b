"""The Polish words for the documents' refusals (sync/docs speaks in codes)."""

DOCS = {
    "invalid": "To nie jest poprawna wiadomość dokumentu.",
    "forbidden": "Nie masz dostępu do tego dokumentu.",
    "read_only": "Ten dokument możesz tylko czytać.",
    "not_joined": "Najpierw otwórz dokument.",
    "unavailable": "Nie udało się teraz zapisać dokumentu. Spróbuj za chwilę — nic nie zginęło.",
    "closed": "Nie masz już dostępu do tego dokumentu.",
}
