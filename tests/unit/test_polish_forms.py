"""Notification letters speak of her in the past tense by the form her profile records, and
neutrally when it records none."""
from __future__ import annotations

import pytest

from server.accounts.models import User
from server.notifications.email import _sentence


@pytest.mark.parametrize("form, kind, said", [
    ("pani", "thread", "Anna Nowak założyła nowy wątek „Ułamki”"),
    ("pan", "thread", "Anna Nowak założył nowy wątek „Ułamki”"),
    (None, "thread", "Anna Nowak: nowy wątek „Ułamki”"),
    ("pani", "reply", "Anna Nowak odpowiedziała w wątku „Ułamki”"),
    ("pan", "mention", "Anna Nowak oznaczył Cię we wpisie w wątku „Ułamki”"),
    (None, "mention", "Anna Nowak: wzmianka o Tobie w wątku „Ułamki”"),
    ("pani", "resource", "Anna Nowak dodała dobrą praktykę „Ułamki”"),
])
def test_the_news_in_her_form(form, kind, said):
    assert _sentence(kind, User(name="Anna Nowak", form_of_address=form), 1, "Ułamki") == said


def test_many_and_nobody():
    anna = User(name="Anna Nowak", form_of_address="pani")
    assert _sentence("reply", anna, 3, "Ułamki") == "Anna Nowak i inni: 3 odpowiedzi w wątku „Ułamki”"
    assert _sentence("reply", None, 1, "Ułamki") == "Ktoś odpowiedział w wątku „Ułamki”"
