"""RODO: a person downloads everything Krąg holds about her, and deletes her account (or the
Poradnia's admin does either on her request). Above every domain whose data it gathers or
empties; README's "Dane osobowe (RODO)" says what is kept and for how long."""
