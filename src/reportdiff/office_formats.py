"""Office formats a reviewer may have at hand that are no report this program reads or
writes, by extension: what each is called in a message (scan and batch list such files
as not read; -o refuses to write text under their names)."""

OFFICE_FORMATS = {
    ".doc": "a legacy Word .doc",
    ".wps": "a WPS document",
    ".rtf": "an RTF file",
    ".odt": "an OpenDocument text",
    ".xls": "a spreadsheet",
    ".xlsx": "a spreadsheet",
}
SPREADSHEETS = (".xls", ".xlsx")
