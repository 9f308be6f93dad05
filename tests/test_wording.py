from reportdiff.wording import counted


def test_counted_agrees_with_its_number():
    assert counted(1, "section") == "1 section"
    assert counted(0, "section") == "0 sections"
    assert counted(2, "boilerplate flag") == "2 boilerplate flags"
    assert counted(3, "child", "children") == "3 children"
