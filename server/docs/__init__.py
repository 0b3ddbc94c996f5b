"""Co-edited documents (sync/docs) on Krąg's server: their kinds and rights, Socket.IO, HTTP."""
