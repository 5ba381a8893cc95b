#!/usr/bin/env python3
"""Writes the sample bank exports the import tests read (standard library only; run from any directory).

loans-good.csv   `;`-separated, UTF-8 with BOM, Vietnamese headers, a title row and an STT column: 5 good loans.
loans-good.xlsx  the same loans as an Excel sheet with real date cells, numbers and a title row.
loans-bad.csv    `,`-separated, English headers: one good row, then one row per kind of problem.
"""
import csv
import io
import os
import zipfile
from datetime import date
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

GOOD_HEADER = ["STT", "Số khế ước", "Họ và tên", "Năm sinh", "Số CCCD/CMND", "Số điện thoại", "Địa chỉ", "Mã xã",
               "Mã chương trình", "Ngày giải ngân", "Ngày đến hạn", "Số tiền vay (đồng)", "Lãi suất (%/năm)",
               "Mục đích sử dụng vốn", "Phòng giao dịch", "Kỳ trả gốc (tháng)", "Dân tộc thiểu số", "Loại mô hình",
               "Mô tả mô hình", "Diện tích (ha)", "Số lao động", "Vĩ độ", "Kinh độ"]
PGD = "PGD NHCSXH thành phố Lạng Sơn"
GOOD = [
    [1, "7301000001", "Hoàng Văn Minh", 1985, "020085001234", "0912 345 678", "Thôn Bản Chắt", "05977", "TVL-LD",
     date(2024, 3, 15), date(2027, 3, 15), 50_000_000, "7,92", "Nuôi lợn nái sinh sản", PGD, 6, "có", "chăn nuôi",
     "Chuồng lợn 40 con", "", 2, "21,80885", "106,76779"],
    [2, "7301000002", "Lương Thị Hoa", 1990, "082123456", "+84 987 654 321", "Thôn Nà Pàn", "06040", "TVL-LD",
     date(2023, 6, 1), date(2026, 6, 1), 80_000_000, "3,96", "Trồng rừng keo", "PGD NHCSXH huyện Tràng Định", 12, "có",
     "trồng rừng", "Rừng keo", "2,5", 1, "22,29943", "106,4442"],
    [3, "7301000003", "Hoàng Văn Minh", 1985, "020 085 001 234", "", "Thôn Bản Chắt", "05977", "TVL-LD",
     date(2025, 1, 10), date(2028, 1, 10), 30_000_000, "7,92", "Mở rộng chuồng trại", PGD, "", "có", "", "", "", "",
     "", ""],
    [4, "7301000004", "Nông Văn Tuấn", 1995, "020095000111", "0368123456", "Khu 3", "06001", "XKLD",
     date(2026, 2, 1), date(2029, 2, 1), 120_000_000, "8,382", "Đi làm việc tại Nhật Bản", PGD, 6, "không", "", "",
     "", "", "", ""],
    [5, "7301000005", "Chu Thị Lan", 1978, "020178009999", "", "Khu Phai Vệ; phường Đông Kinh", "05977", "TVL-CS",
     date(2022, 8, 20), date(2027, 8, 20), 1_500_000_000, "7,92", "Mở xưởng may", PGD, 12, "không", "kinh doanh nhỏ",
     "Xưởng may 15 lao động", "", 15, "", ""],
]


def vn_money(n):
    return f"{n:,}".replace(",", ".")


def good_csv():
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(["SAO KÊ DƯ NỢ CHO VAY GIẢI QUYẾT VIỆC LÀM"])
    w.writerow(GOOD_HEADER)
    for r in GOOD:
        r = list(r)
        r[9], r[10] = r[9].strftime("%d/%m/%Y"), r[10].strftime("%d/%m/%Y")
        r[11] = vn_money(r[11])
        w.writerow(r)
    with open(os.path.join(HERE, "loans-good.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())


BAD_HEADER = ["Agreement no", "Borrower name", "Birth year", "ID number", "Phone", "Address", "Commune code",
              "Programme code", "Disbursement date", "Maturity date", "Principal", "Annual rate", "Purpose",
              "VBSP office", "Model kind", "Latitude", "Longitude"]


def bad_row(n, **over):
    row = {"Agreement no": f"B{n:04}", "Borrower name": f"Người vay số {chr(64 + n)}".replace(str(n), ""),
           "Birth year": "1980", "ID number": f"0820000{n:02}", "Phone": "", "Address": "Thôn Pò Mã",
           "Commune code": "05977", "Programme code": "TVL-LD", "Disbursement date": "15/03/2024",
           "Maturity date": "15/03/2027", "Principal": "40.000.000", "Annual rate": "7,92",
           "Purpose": "Chăn nuôi", "VBSP office": PGD, "Model kind": "", "Latitude": "", "Longitude": ""}
    row["Borrower name"] = "Người vay " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 26]
    row.update(over)
    return [row[h] for h in BAD_HEADER]


# (row number in the file, expected codes) is asserted in server/tests/import_csv.rs; keep the two in step.
BAD = [
    bad_row(2, **{"Agreement no": "A0002", "Borrower name": "Vi Văn Sáng", "Birth year": "1985",
                  "ID number": "020085007777", "Phone": "0912000111", "Model kind": "livestock",
                  "Latitude": "21.80885", "Longitude": "106.76779"}),
    bad_row(3, **{"Borrower name": ""}),
    bad_row(4, **{"ID number": "12345"}),
    bad_row(5, **{"ID number": "999085001234", "Birth year": "1985"}),
    bad_row(6, **{"ID number": "020085001235", "Birth year": "1986"}),
    bad_row(7, **{"Phone": "0212345678"}),
    bad_row(8, **{"Commune code": "99999"}),
    bad_row(9, **{"Programme code": "ABC"}),
    bad_row(10, **{"Disbursement date": "32/13/2024"}),
    bad_row(11, **{"Disbursement date": "01/04/2026", "Maturity date": "01/04/2029"}),
    bad_row(12, **{"Disbursement date": "01/01/2014", "Maturity date": "01/01/2017"}),
    bad_row(13, **{"Maturity date": "01/03/2024"}),
    bad_row(14, **{"Principal": "1.5"}),
    bad_row(15, **{"Principal": "150.000.000"}),
    bad_row(16, **{"Annual rate": "25"}),
    bad_row(17, **{"Agreement no": "A0002"}),
    bad_row(18, **{"ID number": "020085007777", "Birth year": "1985", "Borrower name": "Vi Thị Mai"}),
    bad_row(19, **{"Model kind": "cá"}),
    bad_row(20, **{"Model kind": "livestock", "Latitude": "21.80885"}),
    bad_row(21, **{"Model kind": "livestock", "Latitude": "22.29943", "Longitude": "106.4442"}),
    bad_row(22, **{"Disbursement date": "01/01/2020", "Maturity date": "01/06/2031"}),
    bad_row(23, **{"Birth year": "2020"}),
    bad_row(24, **{"ID number": "12AB", "Principal": "nhiều"}),
    bad_row(25, **{"Latitude": "21.80885", "Longitude": "106.76779"}),
]


def bad_csv():
    with open(os.path.join(HERE, "loans-bad.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(BAD_HEADER)
        w.writerows(BAD)


def col_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def good_xlsx():
    strings = []

    def s(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def cell(ref, value):
        if isinstance(value, date):
            serial = (value - date(1899, 12, 30)).days
            return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        if value == "":
            return ""
        return f'<c r="{ref}" t="s"><v>{s(value)}</v></c>'

    rows = [["SAO KÊ DƯ NỢ CHO VAY GIẢI QUYẾT VIỆC LÀM"], GOOD_HEADER]
    for r in GOOD:
        r = list(r)
        r[7] = int(r[7])                          # Excel drops the commune code's leading zero
        r[12] = float(r[12].replace(",", ".")) / 100  # a percent-formatted cell holds the fraction
        for i in (19, 21, 22):
            r[i] = float(r[i].replace(",", ".")) if r[i] != "" else ""
        rows.append(r)
    xml_rows = []
    for ri, r in enumerate(rows, start=1):
        cells = "".join(cell(f"{col_name(ci)}{ri}", v) for ci, v in enumerate(r))
        xml_rows.append(f'<row r="{ri}">{cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(xml_rows) + '</sheetData></worksheet>')
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
              f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Du no" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
             f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
             f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/></Types>')
    path = os.path.join(HERE, "loans-good.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", types), ("_rels/.rels", root_rels),
                           ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", wb_rels),
                           ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared),
                           ("xl/styles.xml", styles)]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    good_csv()
    bad_csv()
    good_xlsx()
