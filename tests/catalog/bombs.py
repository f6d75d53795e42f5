"""Catalog files built to cost too much: a spreadsheet bomb, a sheet of many rows.

Used by the importer's tests and the console's (``tests/console/test_security.py``), and
by ``bench/abuse.py``.
"""

from __future__ import annotations

import io
import zipfile

MB = 1024 * 1024


def xlsx_bomb(uncompressed_mb: int = 200) -> bytes:
    """A small workbook whose shared strings inflate to ``uncompressed_mb`` of text (read
    whole when a workbook is opened, even in read-only mode)."""
    out = io.BytesIO()
    item = b"<si><t>" + b"A" * 4096 + b"</t></si>"
    count = uncompressed_mb * MB // len(item)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        _workbook_parts(z, shared_strings=True)
        z.writestr("xl/worksheets/sheet1.xml", _SHEET_HEAD + b'<row r="1"><c r="A1" '
                   b't="inlineStr"><is><t>ma_tthc</t></is></c></row><row r="2"><c r="A2" '
                   b't="s"><v>0</v></c></row></sheetData></worksheet>')
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(f'<?xml version="1.0"?><sst xmlns="{_MAIN}" count="{count}" '
                          f'uniqueCount="{count}">'.encode())
            block = item * 256
            for _ in range(count // 256):
                strings.write(block)
            strings.write(b"</sst>")
    return out.getvalue()


def xlsx_rows(rows: int) -> bytes:
    """A workbook with a header and ``rows`` short rows (no <dimension>: counted)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        _workbook_parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>ma_tthc'
                        b'</t></is></c></row>')
            for number in range(2, rows + 2):
                sheet.write(f'<row r="{number}"><c r="A{number}"><v>{number}</v></c></row>'
                            .encode())
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET_HEAD = f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()


def _workbook_parts(z: zipfile.ZipFile, shared_strings: bool = False) -> None:
    main = _MAIN
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    z.writestr("[Content_Types].xml", (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
        '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
        '.worksheet+xml"/>' + (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            if shared_strings else "") + '</Types>'))
    z.writestr("_rels/.rels", (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>'))
    z.writestr("xl/workbook.xml", (
        f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'))
    z.writestr("xl/_rels/workbook.xml.rels", (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' + (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            if shared_strings else "") + '</Relationships>'))
