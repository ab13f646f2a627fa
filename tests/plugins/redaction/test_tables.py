"""Headed tables: the cells under a column that names a person, a contact, a place, a date or an
id are hidden; other columns, and lists in sentences, are not tables."""
from __future__ import annotations

import pytest

from plugins.redaction import redact
from plugins.redaction.tables import table_spans
from tests.plugins.redaction.helpers import assert_hidden_and_kept


@pytest.mark.parametrize(("text", "hidden", "kept"), [
    ("id,last,first,dob,town,status\n100401,Begay,Loretta,1978-09-30,Shiprock,active\n"
     "100402,Tsosie,Kyle,2001-12-05,Window Rock,discharged",
     ["100401", "Begay", "Loretta", "1978-09-30", "Shiprock", "Tsosie", "Kyle", "Window Rock"], ["active", "discharged"]),
    ("display_name,real_name,present\nmoonchild77,Alexis Ferreira,Y\nbigpapa_D,Darius Booker,N",
     ["moonchild77", "Alexis Ferreira", "bigpapa_D", "Darius Booker"], []),
    ("| Staff ID | Name | Branch | Amount |\n| ZB-10442 | Ibrahim Musa Danjuma | Kano Main | 1,500,000 |",
     ["ZB-10442", "Ibrahim Musa Danjuma", "Kano Main"], ["1,500,000"]),
    ("Name\tIn\tOut\tUDS\nHope\t9:00\t11:30\tneg\nMarta Diaz\t9:05\t11:30\tneg",
     ["Hope", "Marta Diaz"], ["9:00", "11:30", "neg"]),
    # a quoted cell holds the delimiter; an empty or "(none)" cell is no identifier
    ('emp_id,name,owner\nEMP-40917,"IYER, Lakshmi R.",(none)', ["EMP-40917", "IYER, Lakshmi R."], ["(none)"]),
])
def test_cells_under_identifying_columns_are_hidden(tagger, text: str, hidden: list[str], kept: list[str]) -> None:
    assert_hidden_and_kept(redact(text, None, tagger=tagger), text, hidden, kept)


@pytest.mark.parametrize("text", [
    "Please bring your name, date, and signature.\nMood, sleep, appetite",
    "Mood, sleep, appetite, energy\ngood, poor, fair, low",
    "Item, Qty, Price\nPaper, 2, 4.99",
])
def test_text_that_is_no_headed_table_gives_no_cells(text: str) -> None:
    assert table_spans(text) == []
