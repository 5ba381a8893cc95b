#!/usr/bin/env python3
"""Writes the sample bank exports the import tests read (standard library only; run from any directory).

loans-good.csv   `;`-separated, UTF-8 with BOM, Vietnamese headers, a title row and an STT column: 5 good loans.
loans-good.xlsx  the same loans as an Excel sheet with real date cells, numbers and a title row.
loans-bad.csv    `,`-separated, English headers: one good row, then one row per kind of problem.
payments-good.csv, relief-good.csv  the payment history and relief events of the five good loans (figures worked
                 by hand in server/tests/import_history.rs).
payments-bad.csv, relief-bad.csv    one row per kind of problem in each.
book-good.xlsx   the loan list, the payments and the relief events as three sheets of one workbook, with a sheet of
                 notes the import skips.
lich-giao-dich.csv  the calendars of three communes' transaction points (one point on two rows).
book-1000/       a bank export of 1,000 loans with their payment history and relief events as of 30/11/2026: the five
                 loans above (their histories as in payments-good.csv and relief-good.csv) and 995 made from a seed,
                 each with a note ("Ghi chú", a column the import ignores) saying how it was repaid: "đúng hạn" (every
                 instalment on its due day), "trả chậm", "ngừng trả", "khoanh nợ", "gia hạn", "xóa nợ", "tất toán".
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
               "Mô tả mô hình", "Diện tích (ha)", "Số lao động", "Vĩ độ", "Kinh độ", "Tiền gửi tiết kiệm",
               "Tổ TK&VV", "Tổ trưởng", "Hội đoàn thể nhận ủy thác"]
PGD = "PGD NHCSXH thành phố Lạng Sơn"
GOOD = [
    [1, "7301000001", "Hoàng Văn Minh", 1985, "020085001234", "0912 345 678", "Thôn Bản Chắt", "05977", "TVL-LD",
     date(2024, 3, 15), date(2027, 3, 15), 50_000_000, "7,92", "Nuôi lợn nái sinh sản", PGD, 6, "có", "chăn nuôi",
     "Chuồng lợn 40 con", "", 2, "21,80885", "106,76779", 1_200_000, "Tổ Bản Chắt 1", "Hoàng Thị Nga", "Hội Nông dân"],
    [2, "7301000002", "Lương Thị Hoa", 1990, "082123456", "+84 987 654 321", "Thôn Nà Pàn", "06040", "TVL-LD",
     date(2023, 6, 1), date(2026, 6, 1), 80_000_000, "3,96", "Trồng rừng keo", "PGD NHCSXH huyện Tràng Định", 12, "có",
     "trồng rừng", "Rừng keo", "2,5", 1, "22,29943", "106,4442", 500_000, "Tổ Nà Pàn", "Lương Văn Tâm", "Hội Phụ nữ"],
    [3, "7301000003", "Hoàng Văn Minh", 1985, "020 085 001 234", "", "Thôn Bản Chắt", "05977", "TVL-LD",
     date(2025, 1, 10), date(2028, 1, 10), 30_000_000, "7,92", "Mở rộng chuồng trại", PGD, "", "có", "", "", "", "",
     "", "", 300_000, "Tổ Bản Chắt 1", "Hoàng Thị Nga", "Hội Nông dân"],
    [4, "7301000004", "Nông Văn Tuấn", 1995, "020095000111", "0368123456", "Khu 3", "06001", "XKLD",
     date(2026, 2, 1), date(2029, 2, 1), 120_000_000, "8,382", "Đi làm việc tại Nhật Bản", PGD, 6, "không", "", "",
     "", "", "", "", 0, "", "", ""],
    [5, "7301000005", "Chu Thị Lan", 1978, "020178009999", "", "Khu Phai Vệ; phường Đông Kinh", "05977", "TVL-CS",
     date(2022, 8, 20), date(2027, 8, 20), 1_500_000_000, "7,92", "Mở xưởng may", PGD, 12, "không", "kinh doanh nhỏ",
     "Xưởng may 15 lao động", "", 15, "", "", 0, "", "", ""],
]


PAY_HEADER = ["STT", "Số khế ước", "Ngày trả", "Trả gốc (đồng)", "Trả lãi (đồng)", "Trả lãi quá hạn (đồng)"]
PAYMENTS = [
    # 7301000001 pays every instalment on its due day: never overdue.
    ["7301000001", date(2024, 9, 15), 8_333_333, 1_837_000, 0],
    ["7301000001", date(2025, 3, 15), 8_333_333, 1_624_000, 0],
    ["7301000001", date(2025, 9, 15), 8_333_333, 1_300_000, 0],
    # 7301000002 pays its first yearly instalment, then is frozen.
    ["7301000002", date(2024, 6, 1), 26_666_666, 2_640_000, 0],
    # 7301000004 pays February's interest alone.
    ["7301000004", date(2026, 2, 28), 0, 782_320, 0],
    # 7301000005 pays two instalments before its write-off.
    ["7301000005", date(2023, 8, 20), 300_000_000, 118_800_000, 0],
    ["7301000005", date(2024, 8, 20), 300_000_000, 95_040_000, 0],
]
RELIEF_HEADER = ["Số khế ước", "Hình thức xử lý", "Từ ngày", "Đến ngày", "Số tiền xử lý (đồng)"]
RELIEF = [
    ["7301000002", "Gia hạn nợ", date(2024, 6, 1), date(2024, 12, 1), ""],
    ["7301000002", "Khoanh nợ", date(2025, 5, 1), date(2027, 4, 30), 53_333_334],
    ["7301000005", "Xóa nợ", date(2025, 12, 1), "", 900_000_000],
]
PAY_BAD = [
    ["9999999999", "01/06/2025", "1.000.000", "0", ""],       # 2 agreement_no.unknown
    ["7301000001", "01/01/2024", "1.000.000", "0", ""],       # 3 paid_on.before_disbursement
    ["7301000001", "01/01/2027", "1.000.000", "0", ""],       # 4 paid_on.future
    ["7301000001", "01/06/2025", "0", "0", "0"],              # 5 payment.nothing_paid
    ["7301000004", "01/02/2026", "130.000.000", "0", ""],     # 6 principal_paid.above_principal
    ["7301000001", "01/06/2025", "nhiều", "0", ""],           # 7 principal_paid.format
    ["7301000001", "31/02/2025", "1.000.000", "0", ""],       # 8 paid_on.format
]
RELIEF_BAD = [
    ["7301000002", "Hoãn", "01/05/2025", "", ""],             # 2 relief_kind.unknown
    ["7301000002", "Khoanh nợ", "01/05/2025", "01/04/2025", ""],  # 3 relief_to.before_from
    ["7301000005", "Xóa nợ", "01/12/2025", "01/12/2026", ""],  # 4 relief_to.write_off
    ["7301000003", "Gia hạn", "01/01/2024", "", ""],          # 5 relief_from.before_disbursement
    ["7301000003", "Khoanh nợ", "01/05/2025", "", "31.000.000"],  # 6 relief_amount.above_principal
]


FINDINGS_HEADER = ["Số khế ước", "Họ và tên", "Năm sinh", "Số CCCD/CMND", "Địa chỉ", "Mã xã", "Mã chương trình",
                   "Ngày giải ngân", "Ngày đến hạn", "Số tiền vay", "Lãi suất", "Mục đích sử dụng vốn", "Phòng giao dịch",
                   "Loại mô hình", "Số lao động", "Tài sản bảo đảm", "Chi phí theo hợp đồng", "Thời hạn hợp đồng (tháng)"]
# (row in the file, finding) is asserted in server/tests/import_findings.rs; keep the two in step.
FINDINGS = [
    ["7303000001", "Hà Văn Một", 1980, "020080000101", "Thôn Nà Lừa", "05977", "TVL-LD", "15/03/2024", "15/03/2027",
     "50.000.000", "9", "Nuôi lợn", PGD, "", "", "", "", ""],                        # 2 rate 9 %: not ND61's
    ["7303000002", "Hà Văn Hai", 1981, "020081000102", "Thôn Nà Lừa", "05977", "TVL-CS", "15/03/2024", "15/03/2027",
     "500.000.000", "7,92", "Mở xưởng", PGD, "kinh doanh nhỏ", "2", "có", "", ""],   # 3 above 2 × 100,000,000
    ["7303000003", "Hà Văn Ba", 1982, "020082000103", "Thôn Nà Lừa", "05977", "TVL-CS", "15/03/2024", "15/03/2027",
     "300.000.000", "7,92", "Mở xưởng", PGD, "kinh doanh nhỏ", "5", "không", "", ""],  # 4 no collateral above 100M
    ["7303000004", "Hà Văn Bốn", 1983, "020083000104", "Thôn Nà Lừa", "05977", "XKLD", "15/03/2024", "15/03/2027",
     "90.000.000", "6,6", "Đi làm việc tại Nhật Bản", PGD, "", "", "", "80.000.000", "36"],  # 5 above the costs
    ["7303000005", "Hà Văn Năm", 1984, "020084000105", "Thôn Nà Lừa", "05977", "XKLD", "15/03/2024", "15/03/2027",
     "70.000.000", "6,6", "Đi làm việc tại Hàn Quốc", PGD, "", "", "", "80.000.000", "24"],  # 6 longer than contract
    ["7303000006", "Hà Văn Sáu", 1985, "020085000106", "Thôn Nà Lừa", "05977", "TVL-CS", "15/03/2024", "15/03/2027",
     "400.000.000", "7,92", "Mở xưởng", PGD, "dịch vụ", "4", "có", "", ""],        # 7 within every rule
]


CALENDAR = [
    ["Mã xã", "Địa điểm giao dịch", "Ngày giao dịch hằng tháng", "Các ngày giao dịch"],
    ["05977", "Nhà văn hóa khối 5, phường Đông Kinh", "15", ""],
    ["06040", "UBND xã Thất Khê", "5; 20", ""],
    ["06001", "Nhà văn hóa thôn Bản Vạng", "", "05/12/2026; 19/12/2026"],
    ["06001", "Nhà văn hóa thôn Bản Vạng", "31", ""],   # the same point: its days add up
]


def calendar_csv():
    with open(os.path.join(HERE, "lich-giao-dich.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["LỊCH GIAO DỊCH CỦA ĐIỂM GIAO DỊCH XÃ"])
        w.writerows(CALENDAR)
    with open(os.path.join(HERE, "book-1000", "lich-giao-dich.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerows(CALENDAR)


def findings_csv():
    with open(os.path.join(HERE, "loans-findings.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(FINDINGS_HEADER)
        w.writerows(FINDINGS)


def history_csvs():
    def dmy(v):
        return v.strftime("%d/%m/%Y") if isinstance(v, date) else v

    with open(os.path.join(HERE, "payments-good.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["SAO KÊ TRẢ NỢ"])
        w.writerow(PAY_HEADER)
        for i, r in enumerate(PAYMENTS, start=1):
            w.writerow([i, r[0], dmy(r[1])] + [vn_money(x) for x in r[2:]])
    with open(os.path.join(HERE, "relief-good.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(RELIEF_HEADER)
        for r in RELIEF:
            w.writerow([r[0], r[1], dmy(r[2]), dmy(r[3]), vn_money(r[4]) if r[4] != "" else ""])
    with open(os.path.join(HERE, "payments-bad.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Agreement no", "Payment date", "Principal paid", "Interest paid", "Overdue interest paid"])
        w.writerows(PAY_BAD)
    with open(os.path.join(HERE, "relief-bad.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Số khế ước", "Hình thức xử lý", "Từ ngày", "Đến ngày", "Số tiền xử lý"])
        w.writerows(RELIEF_BAD)


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
        r[23] = vn_money(r[23])
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


def loan_rows():
    rows = [["SAO KÊ DƯ NỢ CHO VAY GIẢI QUYẾT VIỆC LÀM"], GOOD_HEADER]
    for r in GOOD:
        r = list(r)
        r[7] = int(r[7])                          # Excel drops the commune code's leading zero
        r[12] = float(r[12].replace(",", ".")) / 100  # a percent-formatted cell holds the fraction
        for i in (19, 21, 22):
            r[i] = float(r[i].replace(",", ".")) if r[i] != "" else ""
        rows.append(r)
    return rows


def write_xlsx(path, sheets):
    """Writes `sheets` [(name, rows)] as a workbook: dates as date cells, numbers as numbers, text shared."""
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

    sheet_xml = []
    for _, rows in sheets:
        xml_rows = []
        for ri, r in enumerate(rows, start=1):
            cells = "".join(cell(f"{col_name(ci)}{ri}", v) for ci, v in enumerate(r))
            xml_rows.append(f'<row r="{ri}">{cells}</row>')
        sheet_xml.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
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
    sheet_list = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, (name, _) in enumerate(sheets, start=1))
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<sheets>{sheet_list}</sheets></workbook>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    n = len(sheets)
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, n + 1))
               + f'<Relationship Id="rId{n + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
               f'<Relationship Id="rId{n + 2}" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
                       for i in range(1, n + 1))
             + f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/></Types>')
    parts = [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", wb_rels)]
    parts += [(f"xl/worksheets/sheet{i}.xml", x) for i, x in enumerate(sheet_xml, start=1)]
    parts += [("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def good_xlsx():
    write_xlsx(os.path.join(HERE, "loans-good.xlsx"), [("Du no", loan_rows())])


def book_xlsx():
    payments = [PAY_HEADER] + [[i] + r for i, r in enumerate(PAYMENTS, start=1)]
    relief = [RELIEF_HEADER] + RELIEF
    notes = [["Ghi chú"], ["Số liệu mẫu của Vieclam, không phải số liệu thật."]]
    write_xlsx(os.path.join(HERE, "book-good.xlsx"),
               [("Du no", loan_rows()), ("Ghi chu", notes), ("Tra no", payments), ("Xu ly no", relief)])


BOOK_DATE = date(2026, 11, 30)
FAMILY = ["Hoàng", "Nông", "Lương", "Vi", "Triệu", "Lộc", "Mã", "Chu", "Hà", "Đàm", "Lăng", "Dương"]
MIDDLE = {0: ["Văn", "Đức", "Minh", "Quang"], 1: ["Thị", "Thu", "Ngọc", "Hồng"]}
GIVEN = {0: ["An", "Bình", "Chắt", "Dũng", "Hải", "Khánh", "Long", "Pả", "Sáng", "Tuấn"],
         1: ["Hoa", "Lan", "Mai", "Nhung", "Phượng", "Thắm", "Thu", "Vân", "Yến", "Xuân"]}
PHONE_PREFIXES = ["091", "094", "097", "098", "086", "035", "039", "083"]


def add_months(d, n):
    """The core's add_months: the same day n months on, or the month's last day when it has no such day."""
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(d.day, last))


def schedule(principal, disbursed, term, every):
    """The import's schedule: equal instalments every `every` months, the last (with the remainder) on maturity."""
    count = max(1, -(-term // every))
    each = principal // count
    items = [(add_months(disbursed, k * every), each) for k in range(1, count)]
    items.append((add_months(disbursed, term), principal - each * (count - 1)))
    return items


def communes():
    path = os.path.join(HERE, "..", "..", "..", "core", "data", "lang_son_2025_communes.csv")
    with open(path, encoding="utf-8") as f:
        return [row["ma_xa"] for row in csv.DictReader(f)]


def big_book(n=995, out=None, monthly=False):
    """The sample export of 5 + n loans; `monthly` adds an interest payment every month (on the 25th) between the
    principal payments, as the bank's history of a real book has (the import benchmark's 1.2 million payments)."""
    import random
    rng = random.Random(2026)
    codes = communes()
    loans, payments, relief, groups = [], [], [], {}
    for r in GOOD:
        loans.append(list(r[1:]) + ["mẫu tính tay"])
    for p in PAYMENTS:
        payments.append(list(p))
    for e in RELIEF:
        relief.append(list(e))
    behaviours = (["đúng hạn"] * 65 + ["trả chậm"] * 15 + ["ngừng trả"] * 8 + ["khoanh nợ"] * 5
                  + ["gia hạn"] * 3 + ["xóa nợ"] * 2 + ["tất toán"] * 2)
    for i in range(n):
        sex = rng.randrange(2)
        year = rng.randrange(1965, 2001)
        id_number = f"020{sex + (2 if year >= 2000 else 0)}{year % 100:02}{(100000 + i) % 1_000_000:06}"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**7):07}" if rng.random() < 0.7 else ""
        commune = rng.choice(codes)
        disbursed = date(2019, 1, 1) + (date(2026, 6, 30) - date(2019, 1, 1)) * rng.random()
        disbursed = date(disbursed.year, disbursed.month, disbursed.day)
        new_rules = disbursed >= date(2026, 1, 1)
        kind = rng.random()
        if kind < 0.85:
            programme, principal = "TVL-LD", rng.randrange(20, 101 if not new_rules else 201) * 1_000_000
            purpose, model = rng.choice([("Nuôi lợn", "chăn nuôi"), ("Trồng rừng keo", "trồng rừng"),
                                         ("Trồng hồi", "trồng trọt"), ("Nuôi trâu", "chăn nuôi")])
            rate = "7,92" if not new_rules else "8,382"
        elif kind < 0.95:
            programme, principal = "TVL-CS", rng.randrange(2, 11) * 100_000_000
            purpose, model = rng.choice([("Mở xưởng may", "kinh doanh nhỏ"), ("Dịch vụ sửa chữa", "dịch vụ")])
            jobs = principal // 100_000_000 + rng.randrange(0, 5)  # within the cap per worker
            rate = "7,92" if not new_rules else "8,382"
        else:
            programme, principal = "XKLD", rng.randrange(60, 101) * 1_000_000
            purpose, model = "Đi làm việc tại Hàn Quốc", ""
            rate = "6,6" if not new_rules else "8,382"
        if programme != "TVL-CS":
            jobs = 1
        term, every = rng.choice([(36, 6), (36, 12), (60, 6), (60, 12)])
        maturity = add_months(disbursed, term)
        behaviour = rng.choice(behaviours)
        agreement = f"7302{i:06}" if n < 1_000_000 else f"73{i:08}"
        group = groups.setdefault((commune, rng.randrange(3)), [
            f"Tổ TK&VV thôn Nà {len(groups) + 1}",
            f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[1])} {rng.choice(GIVEN[1])}",
            rng.choice(["Hội Nông dân", "Hội Phụ nữ", "Hội Cựu chiến binh", "Đoàn Thanh niên"]),
        ])
        loans.append([agreement, name, year, id_number, phone, f"Thôn Nà {rng.randrange(1, 30)}", commune,
                      programme, disbursed, maturity, principal, rate, purpose, "PGD NHCSXH tỉnh Lạng Sơn", every,
                      "có" if rng.random() < 0.6 else "không", model, "", "", jobs, "", "",
                      rng.randrange(0, 60) * 100_000, *group, behaviour])
        yearly = principal * float(rate.replace(",", ".")) / 100
        balance = principal
        last_paid = disbursed
        due = [d for d in schedule(principal, disbursed, term, every) if d[0] < BOOK_DATE]
        stop_at = len(due)
        if behaviour == "ngừng trả" and due:
            stop_at = rng.randrange(len(due))
        if behaviour in ("khoanh nợ", "xóa nợ", "gia hạn") and due:
            stop_at = rng.randrange(len(due) + 1)
        for k, (day, amount) in enumerate(due[:stop_at]):
            paid_on = day
            if behaviour == "trả chậm":
                paid_on = day + (date(2000, 1, 1 + rng.randrange(10, 28)) - date(2000, 1, 1))
                if paid_on > BOOK_DATE:
                    break
            interest = round(balance * yearly / principal * (paid_on - last_paid).days / 360 / 1000) * 1000
            payments.append([agreement, paid_on, amount, interest, 0])
            balance -= amount
            last_paid = paid_on
        if monthly:
            # The last year's monthly interest: about twelve payments a loan, as in the benchmark's book.
            first = max(disbursed, add_months(BOOK_DATE, -12))
            month = date(first.year, first.month, 25)
            while month < min(BOOK_DATE, last_paid if behaviour != "đúng hạn" else BOOK_DATE):
                if month > disbursed:
                    payments.append([agreement, month, 0, round(principal * yearly / principal / 12 / 1000) * 1000, 0])
                month = add_months(month, 1)
        if behaviour == "tất toán" and balance > 0:
            paid_on = min(BOOK_DATE, last_paid + (date(2000, 3, 1) - date(2000, 1, 1)))
            if paid_on > disbursed:
                payments.append([agreement, paid_on, balance, 0, 0])
        start = last_paid + (date(2000, 2, 1) - date(2000, 1, 1))
        if start <= BOOK_DATE:
            if behaviour == "khoanh nợ":
                relief.append([agreement, "Khoanh nợ", start, add_months(start, 24), balance])
            elif behaviour == "gia hạn":
                relief.append([agreement, "Gia hạn nợ", start, add_months(start, 12), ""])
            elif behaviour == "xóa nợ":
                relief.append([agreement, "Xóa nợ", start, "", balance])

    def dmy(v):
        return v.strftime("%d/%m/%Y") if isinstance(v, date) else v

    def amount(v):
        return vn_money(v) if isinstance(v, int) and not isinstance(v, bool) else v

    out = out or os.path.join(HERE, "book-1000")
    os.makedirs(out, exist_ok=True)
    header = GOOD_HEADER[1:] + ["Ghi chú"]
    with open(os.path.join(out, "du-no.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow([f"SAO KÊ DƯ NỢ CHO VAY GIẢI QUYẾT VIỆC LÀM ĐẾN NGÀY {dmy(BOOK_DATE)}"])
        w.writerow(header)
        for r in loans:
            r = [dmy(v) for v in r]
            r[10] = amount(r[10])
            r[22] = amount(r[22])
            w.writerow(r)
    with open(os.path.join(out, "tra-no.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(PAY_HEADER[1:])
        for r in sorted(payments, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], dmy(r[1])] + [amount(v) for v in r[2:]])
    with open(os.path.join(out, "xu-ly-no.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(RELIEF_HEADER)
        for r in relief:
            w.writerow([r[0], r[1], dmy(r[2]), dmy(r[3]), amount(r[4])])


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 4 and sys.argv[1] == "--bench":
        # scripts/import_bench.sh: a large book with monthly interest payments, written to the folder given.
        big_book(int(sys.argv[3]) - len(GOOD), sys.argv[2], monthly=True)
        sys.exit(0)
    good_csv()
    bad_csv()
    good_xlsx()
    history_csvs()
    findings_csv()
    book_xlsx()
    big_book()
    calendar_csv()
