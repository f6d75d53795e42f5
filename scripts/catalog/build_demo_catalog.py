#!/usr/bin/env python3
# ruff: noqa: E501, RUF005  (data tables: long Vietnamese texts, list concatenation of shared bases)
"""Build intake/catalog/data/demo_catalog.json (DEMO data) from the compact tables below.

The JSON is what ships; this script only keeps the records consistent (channel notes,
places, publishing decisions) while every procedure's content is written out here.
Format: intake/catalog/FORMAT.md (flat JSON). Provenance: intake/catalog/data/DEMO_SOURCE.md.

    python scripts/catalog/build_demo_catalog.py          # writes the JSON and checks it
    python scripts/catalog/build_demo_catalog.py --check  # only checks the existing JSON
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "intake" / "catalog" / "data" / "demo_catalog.json"

# --------------------------------------------------------------------------- places
NOI = {
    "XA": "Bộ phận Một cửa UBND xã, phường, thị trấn",
    "HUYEN": "Bộ phận Một cửa UBND huyện, thành phố",
    "TINH": "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang",
    "CA_XA": "Công an xã, phường, thị trấn nơi cư trú",
    "CA_HUYEN": "Bộ phận Một cửa Công an huyện, thành phố (hoặc Phòng Cảnh sát quản lý hành chính về trật tự xã hội - Công an tỉnh)",
    "CA_XNC": "Phòng Quản lý xuất nhập cảnh - Công an tỉnh Bắc Giang",
    "BHXH": "Bộ phận Một cửa Bảo hiểm xã hội huyện, thành phố hoặc Bảo hiểm xã hội tỉnh Bắc Giang",
    "THUE": "Bộ phận Một cửa Chi cục Thuế khu vực, Chi cục Thuế huyện, thành phố",
    "TTDVVL": "Trung tâm Dịch vụ việc làm tỉnh Bắc Giang (và các điểm giao dịch vệ tinh)",
}

ONLINE = {
    "default": "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia hoặc Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bắc Giang (đăng nhập bằng tài khoản định danh điện tử VNeID).",
    "ca": "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bộ Công an hoặc ứng dụng VNeID.",
    "dn": "Nộp hồ sơ trực tuyến trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp (Cổng thông tin quốc gia về đăng ký doanh nghiệp), dùng tài khoản định danh điện tử hoặc chữ ký số.",
    "thue": "Nộp hồ sơ điện tử qua Cổng thông tin điện tử của Tổng cục Thuế (thuedientu), Cổng Dịch vụ công quốc gia hoặc ứng dụng eTax Mobile.",
    "bhxh": "Nộp hồ sơ điện tử qua Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công BHXH Việt Nam hoặc ứng dụng VssID.",
    "dt": "Nộp hồ sơ trực tuyến trên Hệ thống thông tin quốc gia về đầu tư (kê khai trực tuyến trước khi nộp bản giấy nếu được yêu cầu).",
    "tc": "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công Bộ Tài chính (Hệ thống đăng ký mã số đơn vị có quan hệ với ngân sách) hoặc Cổng Dịch vụ công quốc gia.",
}


def C(modes, thoi_han, ngay, phi, vnd, *, on_phi=None, on_vnd=None, note=None,
      on_note=None, on_thoi_han=None, on_ngay=None):
    """Channel spec: the same time limit and fee for each listed mode (tt=trực tiếp,
    tuyen=trực tuyến, bc=bưu chính), with optional online overrides."""
    return dict(modes=modes.split(","), thoi_han=thoi_han, ngay=ngay, phi=phi, vnd=vnd,
                on_phi=on_phi, on_vnd=on_vnd, note=note, on_note=on_note,
                on_thoi_han=on_thoi_han, on_ngay=on_ngay)


def _channels(spec, noi, online_key):
    out = []
    for mode in spec["modes"]:
        if mode == "tt":
            kind, mo_ta = "truc_tiep", f"Nộp hồ sơ trực tiếp tại {noi}."
        elif mode == "tuyen":
            kind, mo_ta = "truc_tuyen", ONLINE[online_key]
        elif mode == "bc":
            kind = "buu_chinh"
            mo_ta = (f"Gửi hồ sơ qua dịch vụ bưu chính công ích (VNPost) đến {noi}; "
                     "có thể đăng ký nhận kết quả tại nhà qua bưu chính (cước theo giá dịch vụ).")
        else:
            raise ValueError(mode)
        thoi_han, ngay, phi, vnd = spec["thoi_han"], spec["ngay"], spec["phi"], spec["vnd"]
        note = spec["note"]
        if kind == "truc_tuyen":
            if spec["on_phi"] is not None:
                phi, vnd = spec["on_phi"], spec["on_vnd"]
            if spec["on_thoi_han"] is not None:
                thoi_han, ngay = spec["on_thoi_han"], spec["on_ngay"]
            if spec["on_note"]:
                note = spec["on_note"]
        if note:
            mo_ta = f"{mo_ta} {note}"
        out.append({"hinh_thuc": kind, "thoi_han": thoi_han, "thoi_han_ngay": ngay,
                    "phi_le_phi": phi, "le_phi_vnd": vnd, "mo_ta": mo_ta})
    return out


def D(ten, chinh=1, sao=0, mau=None):
    return {"ten_giay_to": ten, "ban_chinh": chinh, "ban_sao": sao, "mau_don": mau}


# ----------------------------------------------------------- publishing decisions
# DEMO placeholders: illustrative numbers and dates, NOT verified decisions (see DEMO_SOURCE.md).
QD = {
    "HT": ("Quyết định số 1158/QĐ-UBND ngày 09/8/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của UBND cấp huyện, cấp xã", "2024-08-09"),
    "CT": ("Quyết định số 642/QĐ-UBND ngày 22/5/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực chứng thực", "2024-05-22"),
    "TP": ("Quyết định số 1297/QĐ-UBND ngày 06/9/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Tư pháp", "2024-09-06"),
    "BCA": ("Quyết định số 5548/QĐ-BCA ngày 28/6/2024 của Bộ trưởng Bộ Công an công bố thủ tục hành chính lĩnh vực cư trú, căn cước, xuất nhập cảnh (áp dụng tại Công an tỉnh Bắc Giang)", "2024-06-28"),
    "XD": ("Quyết định số 985/QĐ-UBND ngày 12/7/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực xây dựng", "2024-07-12"),
    "DD": ("Quyết định số 1402/QĐ-UBND ngày 27/9/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực đất đai thi hành Luật Đất đai năm 2024", "2024-09-27"),
    "TNMT": ("Quyết định số 735/QĐ-UBND ngày 14/6/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực tài nguyên nước, địa chất khoáng sản, môi trường", "2024-06-14"),
    "KHDT": ("Quyết định số 488/QĐ-UBND ngày 18/4/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Kế hoạch và Đầu tư", "2024-04-18"),
    "KCN": ("Quyết định số 511/QĐ-UBND ngày 25/4/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ban Quản lý các khu công nghiệp tỉnh", "2024-04-25"),
    "GTVT": ("Quyết định số 1612/QĐ-UBND ngày 30/10/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực đường bộ thuộc phạm vi quản lý của Sở Giao thông vận tải", "2024-10-30"),
    "LD": ("Quyết định số 873/QĐ-UBND ngày 01/7/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực lao động, việc làm, bảo trợ xã hội, người có công", "2024-07-01"),
    "YT": ("Quyết định số 1089/QĐ-UBND ngày 26/7/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Y tế", "2024-07-26"),
    "CTH": ("Quyết định số 566/QĐ-UBND ngày 07/5/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực công thương", "2024-05-07"),
    "GD": ("Quyết định số 1215/QĐ-UBND ngày 20/8/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực giáo dục và đào tạo", "2024-08-20"),
    "NN": ("Quyết định số 694/QĐ-UBND ngày 03/6/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Nông nghiệp và Phát triển nông thôn", "2024-06-03"),
    "VH": ("Quyết định số 927/QĐ-UBND ngày 05/7/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực văn hóa, thể thao và du lịch", "2024-07-05"),
    "TTTT": ("Quyết định số 1735/QĐ-UBND ngày 20/11/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực thông tin và truyền thông", "2024-11-20"),
    "NV": ("Quyết định số 402/QĐ-UBND ngày 29/3/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Nội vụ", "2024-03-29"),
    "KHCN": ("Quyết định số 458/QĐ-UBND ngày 11/4/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ", "2024-04-11"),
    "TTR": ("Quyết định số 377/QĐ-UBND ngày 21/3/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo", "2024-03-21"),
    "BHXH": ("Quyết định số 1040/QĐ-BHXH ngày 15/5/2024 của Tổng Giám đốc Bảo hiểm xã hội Việt Nam công bố thủ tục hành chính thuộc phạm vi quản lý của BHXH Việt Nam (áp dụng tại BHXH tỉnh Bắc Giang)", "2024-05-15"),
    "BTC": ("Quyết định số 1462/QĐ-BTC ngày 02/7/2024 của Bộ trưởng Bộ Tài chính công bố thủ tục hành chính lĩnh vực quản lý thuế (áp dụng tại Cục Thuế tỉnh Bắc Giang)", "2024-07-02"),
    "NGV": ("Quyết định số 604/QĐ-UBND ngày 15/5/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Ngoại vụ", "2024-05-15"),
    "DTOC": ("Quyết định số 779/QĐ-UBND ngày 20/6/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính lĩnh vực công tác dân tộc", "2024-06-20"),
    "TC": ("Quyết định số 531/QĐ-UBND ngày 29/4/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính thuộc phạm vi chức năng quản lý của Sở Tài chính", "2024-04-29"),
    "VP": ("Quyết định số 1320/QĐ-UBND ngày 12/9/2024 của Chủ tịch UBND tỉnh Bắc Giang công bố danh mục thủ tục hành chính và quy trình nội bộ thuộc thẩm quyền của Văn phòng UBND tỉnh", "2024-09-12"),
}

RECORDS: list[dict] = []


def R(ma, ten, linh_vuc, cap, queue, cq, thq, noi, channels, dvc, docs, steps, kq, dk, cc,
      kw, qd, online="default"):
    """Append one procedure. ``channels`` is one C(...) spec or a list of them."""
    specs = channels if isinstance(channels, list) else [channels]
    chans = []
    for spec in specs:
        chans.extend(_channels(spec, NOI.get(noi, noi), online))
    qd_text, qd_date = QD[qd]
    RECORDS.append({
        "ma_tthc": ma, "ten_tthc": ten, "linh_vuc": linh_vuc,
        "cap_thuc_hien": cap.split(","), "co_quan_thuc_hien": cq,
        "co_quan_co_tham_quyen": thq, "queue": queue,
        "cach_thuc_thuc_hien": chans, "muc_do_dvc": dvc,
        "thanh_phan_ho_so": docs, "trinh_tu_thuc_hien": steps,
        "ket_qua": kq, "yeu_cau_dieu_kien": dk, "can_cu_phap_ly": cc,
        "tu_khoa": kw, "quyet_dinh_cong_bo": qd_text, "ngay_cong_bo": qd_date,
        "demo": True,
    })


# Shared legal bases (cited verbatim in several records).
HT_LUAT = ["Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
           "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 quy định chi tiết thi hành Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"]
HT_PHI = "Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND cấp tỉnh; Nghị quyết của HĐND tỉnh Bắc Giang quy định mức thu lệ phí hộ tịch"
CT_LUAT = ["Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch",
           "Thông tư số 01/2020/TT-BTP ngày 03/3/2020 hướng dẫn Nghị định số 23/2015/NĐ-CP",
           "Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí chứng thực"]
CU_TRU = ["Luật Cư trú số 68/2020/QH14", "Nghị định số 62/2021/NĐ-CP ngày 29/6/2021 quy định chi tiết Luật Cư trú (sửa đổi bởi Nghị định số 154/2024/NĐ-CP)",
          "Thông tư số 55/2021/TT-BCA ngày 15/5/2021 quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú (sửa đổi bởi Thông tư số 66/2023/TT-BCA)",
          "Thông tư số 75/2022/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý lệ phí đăng ký cư trú"]
CAN_CUOC = ["Luật Căn cước số 26/2023/QH15", "Nghị định số 70/2024/NĐ-CP ngày 25/6/2024 quy định chi tiết một số điều và biện pháp thi hành Luật Căn cước",
            "Thông tư số 17/2024/TT-BCA ngày 15/5/2024 quy định biểu mẫu sử dụng trong công tác cấp, quản lý thẻ căn cước",
            "Thông tư số 73/2024/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp căn cước"]
DAT_DAI = ["Luật Đất đai số 31/2024/QH15", "Nghị định số 101/2024/NĐ-CP ngày 29/7/2024 quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai"]
DN_LUAT = ["Luật Doanh nghiệp số 59/2020/QH14", "Nghị định số 01/2021/NĐ-CP ngày 04/01/2021 về đăng ký doanh nghiệp",
           "Thông tư số 01/2021/TT-BKHĐT ngày 16/3/2021 hướng dẫn về đăng ký doanh nghiệp (sửa đổi bởi Thông tư số 02/2023/TT-BKHĐT)",
           "Thông tư số 47/2019/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp"]
XD_LUAT = ["Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14", "Nghị định số 15/2021/NĐ-CP ngày 03/3/2021 quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng"]
GPLX = ["Luật Giao thông đường bộ số 23/2008/QH12 (đến 31/12/2024) và Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15 (từ 01/01/2025)",
        "Thông tư số 12/2017/TT-BGTVT quy định về đào tạo, sát hạch, cấp giấy phép lái xe cơ giới đường bộ (sửa đổi bởi Thông tư số 01/2021/TT-BGTVT, Thông tư số 05/2024/TT-BGTVT); Thông tư số 35/2024/TT-BGTVT (từ 01/01/2025)",
        "Thông tư số 37/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các phương tiện"]


# =========================================================================== XÃ (queue XA)
UB_XA = "UBND xã, phường, thị trấn (công chức Tư pháp - Hộ tịch)"
UB_XA_THQ = "Chủ tịch UBND xã, phường, thị trấn"

R("1.001193", "Đăng ký khai sinh", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "Ngay trong ngày tiếp nhận hồ sơ; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", None,
    "Miễn lệ phí đối với khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh); đăng ký quá hạn: lệ phí theo Nghị quyết HĐND tỉnh", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký khai sinh", 1, 0, "Tờ khai đăng ký khai sinh (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy chứng sinh (trường hợp không có: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh; trẻ bị bỏ rơi: biên bản xác nhận việc trẻ bị bỏ rơi)", 1, 0),
   D("Văn bản ủy quyền có chứng thực (nếu ủy quyền cho người khác đi đăng ký; ông, bà, anh, chị em ruột thì không cần chứng thực)", 1, 0),
   D("Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu) để xuất trình; giấy chứng nhận kết hôn của cha mẹ nếu có", 0, 0)],
  ["Người có yêu cầu nộp Tờ khai và Giấy chứng sinh tại Bộ phận Một cửa UBND cấp xã nơi cư trú của cha hoặc mẹ, hoặc nộp trực tuyến (có thể dùng dịch vụ liên thông khai sinh - thường trú - thẻ BHYT).",
   "Công chức Tư pháp - Hộ tịch kiểm tra giấy tờ, đối chiếu thông tin trong Cơ sở dữ liệu quốc gia về dân cư; hướng dẫn bổ sung nếu hồ sơ chưa đủ.",
   "Thấy thông tin khai sinh đầy đủ, phù hợp, công chức ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử và cấp số định danh cá nhân cho trẻ.",
   "Chủ tịch UBND cấp xã ký Giấy khai sinh; người đi đăng ký kiểm tra nội dung, ký vào Sổ và nhận Giấy khai sinh (bản chính; bản sao trích lục nếu yêu cầu)."],
  "Giấy khai sinh (bản chính) có số định danh cá nhân của trẻ; bản điện tử Giấy khai sinh khi nộp trực tuyến.",
  "Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh; nếu cha, mẹ không thể đăng ký thì ông, bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em đăng ký.",
  HT_LUAT + ["Nghị định số 63/2024/NĐ-CP về thực hiện liên thông điện tử nhóm thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", HT_PHI],
  ["làm giấy khai sinh", "gks", "khai sinh cho con", "giấy khai sinh", "lam giay khai sinh", "dang ky khai sinh"], "HT")

R("1.000894", "Đăng ký kết hôn", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc", None,
    "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước", 0,
    on_note="Nộp trực tuyến hồ sơ; hai bên nam, nữ phải có mặt tại UBND cấp xã khi nhận Giấy chứng nhận kết hôn."),
  "mot_phan",
  [D("Tờ khai đăng ký kết hôn (hai bên có thể dùng chung một Tờ khai)", 1, 0, "Tờ khai đăng ký kết hôn (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy xác nhận tình trạng hôn nhân (nếu đăng ký kết hôn tại xã không phải nơi thường trú; không yêu cầu nếu thông tin đã có trong Cơ sở dữ liệu)", 1, 0),
   D("Bản sao bản án, quyết định ly hôn đã có hiệu lực (nếu đã từng kết hôn và ly hôn)", 0, 1),
   D("Thẻ căn cước/căn cước công dân hoặc hộ chiếu của hai bên (xuất trình)", 0, 0)],
  ["Hai bên nam, nữ nộp Tờ khai tại UBND cấp xã nơi cư trú của một trong hai bên (trực tiếp hoặc trực tuyến).",
   "Công chức Tư pháp - Hộ tịch kiểm tra hồ sơ, xác minh điều kiện kết hôn theo Luật Hôn nhân và gia đình (tra cứu Cơ sở dữ liệu hộ tịch điện tử).",
   "Thấy đủ điều kiện, công chức ghi vào Sổ đăng ký kết hôn; hai bên cùng có mặt, ký vào Sổ và Giấy chứng nhận kết hôn.",
   "Chủ tịch UBND cấp xã ký và trao Giấy chứng nhận kết hôn cho hai bên (mỗi bên một bản chính)."],
  "Giấy chứng nhận kết hôn (02 bản chính).",
  "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn (kết hôn giả tạo, đang có vợ/chồng, cùng dòng máu trực hệ hoặc trong phạm vi ba đời…); hai bên phải có mặt khi nhận Giấy chứng nhận kết hôn.",
  HT_LUAT + ["Luật Hôn nhân và gia đình số 52/2014/QH13"],
  ["giấy đăng ký kết hôn", "đăng ký kết hôn", "dang ky ket hon", "lấy vợ làm giấy tờ gì", "giấy kết hôn", "dkkh"], "HT")

R("1.000656", "Đăng ký khai tử", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "Ngay trong ngày tiếp nhận hồ sơ; trường hợp cần xác minh thì không quá 03 ngày làm việc", None,
    "Miễn lệ phí đối với khai tử đúng hạn (trong 15 ngày kể từ ngày chết); quá hạn: theo Nghị quyết HĐND tỉnh", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký khai tử", 1, 0, "Tờ khai đăng ký khai tử (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy báo tử hoặc giấy tờ thay Giấy báo tử (giấy báo tử của bệnh viện, bản án/quyết định tuyên bố chết, văn bản xác nhận của Công an về việc chết…)", 1, 0),
   D("Văn bản ủy quyền (nếu ủy quyền đi đăng ký)", 1, 0)],
  ["Người thân thích của người chết (vợ, chồng, con, cha, mẹ…) nộp hồ sơ tại UBND cấp xã nơi cư trú cuối cùng của người chết, trong 15 ngày kể từ ngày chết.",
   "Công chức Tư pháp - Hộ tịch kiểm tra giấy báo tử; xác minh nếu việc chết có nghi vấn.",
   "Công chức ghi vào Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử và thông tin về việc chết vào Cơ sở dữ liệu quốc gia về dân cư.",
   "Chủ tịch UBND cấp xã ký cấp Trích lục khai tử cho người đi đăng ký."],
  "Trích lục khai tử (bản chính).",
  "Việc khai tử do người thân thích thực hiện; trường hợp không có người thân thích thì đại diện cơ quan, tổ chức, cá nhân liên quan thực hiện. Có thể kết hợp với liên thông xóa đăng ký thường trú và giải quyết mai táng phí, tử tuất.",
  HT_LUAT + ["Nghị định số 63/2024/NĐ-CP về liên thông điện tử nhóm thủ tục đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", HT_PHI],
  ["khai tử", "báo tử", "giấy chứng tử", "khai tu", "người nhà mất làm giấy tờ gì"], "HT")

R("2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "Ngay trong ngày tiếp nhận yêu cầu; trường hợp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", None,
    "Phí cấp bản sao trích lục hộ tịch: 8.000 đồng/bản sao trích lục/sự kiện hộ tịch đã đăng ký", 8000),
  "toan_trinh",
  [D("Tờ khai cấp bản sao trích lục hộ tịch (cá nhân) hoặc văn bản yêu cầu (cơ quan, tổ chức)", 1, 0, "Tờ khai cấp bản sao trích lục hộ tịch (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Văn bản ủy quyền (nếu yêu cầu cấp thay cho người khác không thuộc diện ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em)", 1, 0)],
  ["Người yêu cầu nộp Tờ khai tại UBND cấp xã nơi đã đăng ký sự kiện hộ tịch (khai sinh, kết hôn, khai tử…) hoặc qua Cổng Dịch vụ công.",
   "Công chức Tư pháp - Hộ tịch kiểm tra Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử.",
   "Chủ tịch UBND cấp xã ký cấp bản sao trích lục hộ tịch; trả kết quả trực tiếp, qua bưu chính hoặc bản điện tử."],
  "Bản sao trích lục hộ tịch (bản sao Giấy khai sinh, trích lục kết hôn, trích lục khai tử…).",
  "Sự kiện hộ tịch đã được đăng ký tại cơ quan đăng ký hộ tịch; người yêu cầu là người có sự kiện hộ tịch hoặc người được ủy quyền/có quyền lợi liên quan.",
  ["Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP", "Thông tư số 04/2020/TT-BTP", "Thông tư số 281/2016/TT-BTC quy định mức thu phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam…"],
  ["trích lục khai sinh", "bản sao giấy khai sinh", "xin lại giấy khai sinh bản sao", "trich luc ho tich", "trích lục kết hôn"], "HT")

R("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh tại nơi cư trú trước đây thì kéo dài thêm không quá 20 ngày", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 15.000 đồng/trường hợp; miễn cho người thuộc hộ nghèo, người khuyết tật, người có công)", 15000),
  "toan_trinh",
  [D("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", 1, 0, "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Bản án/quyết định ly hôn có hiệu lực hoặc trích lục khai tử của vợ/chồng (nếu đã từng kết hôn)", 0, 1),
   D("Giấy xác nhận tình trạng hôn nhân đã cấp trước đây (nếu xin cấp lại để dùng vào mục đích khác hoặc đã hết hạn)", 1, 0)],
  ["Người yêu cầu nộp Tờ khai tại UBND cấp xã nơi thường trú (nơi tạm trú nếu không có nơi thường trú), trực tiếp, trực tuyến hoặc qua bưu chính.",
   "Công chức Tư pháp - Hộ tịch tra cứu Cơ sở dữ liệu hộ tịch, xác minh tình trạng hôn nhân (gửi văn bản xác minh nếu người yêu cầu từng cư trú nhiều nơi).",
   "Chủ tịch UBND cấp xã ký cấp Giấy xác nhận tình trạng hôn nhân, ghi rõ mục đích sử dụng.",
   "Trả kết quả cho người yêu cầu."],
  "Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng kể từ ngày cấp, dùng đúng mục đích ghi trong giấy).",
  "Người yêu cầu phải ghi rõ mục đích sử dụng (để kết hôn phải ghi rõ kết hôn với ai, tại đâu). Giấy dùng để kết hôn chỉ có giá trị cho một lần đăng ký.",
  HT_LUAT + [HT_PHI],
  ["giấy xác nhận độc thân", "xác nhận tình trạng hôn nhân", "xac nhan doc than", "giấy độc thân", "xin giấy xác nhận chưa kết hôn", "giay xac nhan tinh trang hon nhan"], "HT")

R("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", "xa", "XA",
  "UBND xã, phường, thị trấn (công chức Tư pháp - Hộ tịch); cũng có thể thực hiện tại Phòng Tư pháp cấp huyện, tổ chức hành nghề công chứng",
  "Chủ tịch/Phó Chủ tịch UBND cấp xã", "XA",
  C("tt", "Trong ngày tiếp nhận yêu cầu (nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo); trường hợp yêu cầu số lượng lớn, văn bản dài thì có thể hẹn lại không quá 02 ngày làm việc", None,
    "Phí: 2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản", 2000),
  "thong_tin",
  [D("Bản chính giấy tờ, văn bản cần chứng thực (xuất trình để đối chiếu)", 1, 0),
   D("Bản sao cần chứng thực (người yêu cầu tự chụp; cơ quan chứng thực có thể chụp nếu người yêu cầu không có bản sao)", 0, 1)],
  ["Người yêu cầu xuất trình bản chính và bản sao tại Bộ phận Một cửa UBND cấp xã (không phụ thuộc nơi cư trú).",
   "Công chức kiểm tra bản chính, đối chiếu với bản sao; từ chối nếu bản chính bị tẩy xóa, sửa chữa, có nội dung trái pháp luật hoặc thuộc loại không được chứng thực.",
   "Ghi lời chứng, người có thẩm quyền ký, đóng dấu vào bản sao; ghi vào Sổ chứng thực.",
   "Thu phí và trả bản sao đã chứng thực cùng bản chính cho người yêu cầu."],
  "Bản sao có chứng thực từ bản chính.",
  "Bản chính do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận (giấy tờ nước ngoài phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn). Không chứng thực bản chính bị tẩy xóa, sửa chữa, hư hỏng không xác định được nội dung, giấy tờ có đóng dấu mật.",
  CT_LUAT,
  ["công chứng giấy tờ", "photo công chứng", "chứng thực bản sao", "chung thuc ban sao", "sao y bản chính", "cong chung cccd"], "CT")

R("BG-HT-009", "Đăng ký thay đổi, cải chính hộ tịch", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày làm việc", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 15.000 đồng/trường hợp)", 15000),
  "toan_trinh",
  [D("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 1, 0, "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy tờ làm căn cứ cho việc thay đổi, cải chính (ví dụ: học bạ, bằng tốt nghiệp, hồ sơ cán bộ… có thông tin đúng)", 0, 1),
   D("Giấy khai sinh/giấy tờ hộ tịch cần thay đổi, cải chính", 1, 0),
   D("Văn bản đồng ý của người được thay đổi từ đủ 09 tuổi trở lên (khi thay đổi họ, tên)", 1, 0)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp xã nơi đã đăng ký hộ tịch trước đây hoặc nơi cư trú.",
   "Công chức Tư pháp - Hộ tịch kiểm tra căn cứ thay đổi, cải chính; xác minh nếu cần.",
   "Thấy có cơ sở, công chức ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử.",
   "Chủ tịch UBND cấp xã ký cấp Trích lục thay đổi, cải chính hộ tịch; ghi chú vào bản chính giấy tờ hộ tịch nếu có."],
  "Trích lục thay đổi/cải chính hộ tịch; Giấy khai sinh được ghi nội dung thay đổi.",
  "Tại cấp xã: thay đổi, cải chính hộ tịch cho người chưa đủ 14 tuổi và bổ sung thông tin hộ tịch; người từ đủ 14 tuổi trở lên hoặc xác định lại dân tộc thì làm tại UBND cấp huyện. Cải chính chỉ khi có sai sót do người đi đăng ký hoặc cơ quan đăng ký; thay đổi họ, tên theo Bộ luật Dân sự.",
  HT_LUAT + ["Bộ luật Dân sự số 91/2015/QH13 (Điều 27, 28)", HT_PHI],
  ["cải chính hộ tịch", "sửa giấy khai sinh", "đổi tên", "sai ngày sinh trong giấy khai sinh", "cai chinh ho tich", "thay đổi họ tên cho con"], "HT")

R("1.001699", "Xác định, xác định lại mức độ khuyết tật", "Bảo trợ xã hội", "xa", "XA",
  "UBND xã, phường, thị trấn (Hội đồng xác định mức độ khuyết tật cấp xã)", UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "25 ngày làm việc kể từ ngày nhận đủ hồ sơ (Hội đồng xác định mức độ khuyết tật họp trong 20 ngày; cấp Giấy xác nhận trong 05 ngày)", 25,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị xác định, xác định lại mức độ khuyết tật", 1, 0, "Mẫu số 01 ban hành kèm Thông tư số 01/2019/TT-BLĐTBXH"),
   D("Giấy tờ liên quan đến khuyết tật (bệnh án, giấy tờ khám, điều trị, phẫu thuật, giấy xác nhận khuyết tật cũ) nếu có", 0, 1),
   D("Kết luận của Hội đồng giám định y khoa (nếu có)", 0, 1)],
  ["Người khuyết tật hoặc người đại diện nộp đơn tại UBND cấp xã nơi cư trú.",
   "Trong 05 ngày làm việc, Chủ tịch UBND cấp xã triệu tập Hội đồng xác định mức độ khuyết tật, gửi thông báo thời gian, địa điểm.",
   "Hội đồng quan sát trực tiếp người khuyết tật, phỏng vấn, dùng bộ câu hỏi theo các tiêu chí để xác định dạng tật và mức độ khuyết tật; lập biên bản.",
   "Chủ tịch UBND cấp xã niêm yết, thông báo công khai kết quả và cấp Giấy xác nhận khuyết tật."],
  "Giấy xác nhận khuyết tật (ghi dạng tật và mức độ: đặc biệt nặng, nặng, nhẹ).",
  "Người có khiếm khuyết một hoặc nhiều bộ phận cơ thể, suy giảm chức năng gây khó khăn trong lao động, sinh hoạt, học tập. Trường hợp Hội đồng không kết luận được hoặc có nghi ngờ thì chuyển Hội đồng giám định y khoa.",
  ["Luật Người khuyết tật số 51/2010/QH12", "Nghị định số 28/2012/NĐ-CP quy định chi tiết Luật Người khuyết tật", "Thông tư số 01/2019/TT-BLĐTBXH quy định về xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện"],
  ["xác nhận khuyết tật", "giấy xác nhận khuyết tật", "xac dinh muc do khuyet tat", "làm giấy khuyết tật cho con", "người tàn tật"], "LD")

R("1.004884", "Đăng ký lại khai sinh", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp phải xác minh thì kéo dài không quá 25 ngày", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 5.000 đồng/trường hợp)", 5000),
  "mot_phan",
  [D("Tờ khai đăng ký lại khai sinh", 1, 0, "Tờ khai đăng ký lại khai sinh (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Bản sao Giấy khai sinh cũ (nếu có) hoặc giấy tờ có thông tin khai sinh: căn cước, hộ chiếu, sổ hộ khẩu cũ, học bạ, văn bằng, hồ sơ cán bộ, công chức…", 0, 1),
   D("Văn bản cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản chính", 1, 0)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp xã nơi đã đăng ký khai sinh trước đây hoặc nơi thường trú.",
   "Công chức Tư pháp - Hộ tịch kiểm tra, xác minh; nếu đăng ký tại nơi khác thì gửi văn bản đề nghị UBND nơi đăng ký trước đây kiểm tra việc lưu giữ Sổ hộ tịch.",
   "Thấy đủ điều kiện, ghi vào Sổ đăng ký khai sinh (ghi rõ “đăng ký lại”).",
   "Chủ tịch UBND cấp xã ký cấp Giấy khai sinh (bản chính) cho người yêu cầu."],
  "Giấy khai sinh (đăng ký lại).",
  "Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất.",
  HT_LUAT + [HT_PHI],
  ["mất giấy khai sinh", "làm lại giấy khai sinh", "dang ky lai khai sinh", "khai sinh lại", "mat giay khai sinh lam lai"], "HT")

R("1.000689", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc", 3,
    "Miễn lệ phí khai sinh; lệ phí nhận cha, mẹ, con theo Nghị quyết HĐND tỉnh (tham khảo 15.000 đồng)", 15000),
  "mot_phan",
  [D("Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con", 1, 0, "Mẫu ban hành kèm Thông tư số 04/2020/TT-BTP"),
   D("Giấy chứng sinh", 1, 0),
   D("Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN của cơ quan, tổ chức có thẩm quyền; trường hợp không có thì thư từ, phim ảnh, băng hình… và văn bản cam đoan có ít nhất hai người làm chứng)", 1, 0)],
  ["Cha hoặc mẹ nộp hồ sơ tại UBND cấp xã nơi cư trú của người nhận hoặc người được nhận.",
   "Công chức Tư pháp - Hộ tịch kiểm tra chứng cứ, niêm yết/xác minh khi cần; người nhận, người được nhận phải có mặt.",
   "Ghi vào Sổ đăng ký khai sinh và Sổ đăng ký nhận cha, mẹ, con.",
   "Chủ tịch UBND cấp xã ký cấp Giấy khai sinh (có thông tin cha/mẹ) và Trích lục đăng ký nhận cha, mẹ, con."],
  "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con.",
  "Áp dụng khi trẻ chưa đăng ký khai sinh mà cha (thường là trường hợp cha mẹ chưa đăng ký kết hôn) làm thủ tục nhận con đồng thời với khai sinh; không có tranh chấp.",
  HT_LUAT + [HT_PHI],
  ["khai sinh nhận cha", "con ngoài giá thừa thú", "bố nhận con khi làm giấy khai sinh", "chưa đăng ký kết hôn làm khai sinh cho con", "khai sinh ket hop nhan cha me con"], "HT")

R("BG-HT-011", "Đăng ký nhận cha, mẹ, con", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 15.000 đồng/trường hợp)", 15000),
  "mot_phan",
  [D("Tờ khai đăng ký nhận cha, mẹ, con", 1, 0, "Tờ khai đăng ký nhận cha, mẹ, con (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc chứng cứ khác kèm cam đoan có hai người làm chứng)", 1, 0),
   D("Giấy khai sinh của người được nhận (xuất trình)", 0, 0)],
  ["Người nhận cha, mẹ, con nộp hồ sơ tại UBND cấp xã nơi cư trú của người nhận hoặc người được nhận.",
   "Công chức niêm yết việc nhận cha, mẹ, con tại trụ sở UBND trong 05 ngày làm việc liên tục (nếu cần) và xác minh.",
   "Thấy việc nhận là đúng, không có tranh chấp, công chức ghi vào Sổ; hai bên có mặt ký vào Sổ.",
   "Chủ tịch UBND cấp xã ký cấp Trích lục đăng ký nhận cha, mẹ, con."],
  "Trích lục đăng ký nhận cha, mẹ, con.",
  "Người nhận và người được nhận còn sống, không có tranh chấp; người nhận cha, mẹ cho con chưa thành niên hoặc mất năng lực hành vi phải do người đại diện thực hiện.",
  HT_LUAT + [HT_PHI],
  ["nhận con", "nhận cha cho con", "nhan cha me con", "bố nhận con", "xác nhận cha con"], "HT")

R("1.004746", "Đăng ký lại kết hôn", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp phải xác minh thì kéo dài không quá 25 ngày", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (miễn đối với công dân cư trú trong nước theo Nghị định 123/2015/NĐ-CP nếu HĐND tỉnh quy định)", None),
  "thong_tin",
  [D("Tờ khai đăng ký lại kết hôn", 1, 0, "Tờ khai đăng ký lại kết hôn (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Bản sao Giấy chứng nhận kết hôn cũ hoặc giấy tờ, tài liệu có nội dung liên quan đến việc kết hôn (nếu có)", 0, 1)],
  ["Hai bên nộp hồ sơ tại UBND cấp xã nơi đã đăng ký kết hôn trước đây hoặc nơi thường trú của vợ hoặc chồng.",
   "Công chức Tư pháp - Hộ tịch kiểm tra, xác minh việc lưu giữ Sổ hộ tịch tại nơi đã đăng ký.",
   "Ghi vào Sổ đăng ký kết hôn (ghi chú “đăng ký lại”); hai bên có mặt ký vào Sổ.",
   "Chủ tịch UBND cấp xã ký cấp Giấy chứng nhận kết hôn."],
  "Giấy chứng nhận kết hôn (đăng ký lại); quan hệ hôn nhân được công nhận từ ngày đăng ký kết hôn trước đây.",
  "Việc kết hôn đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị mất.",
  HT_LUAT,
  ["mất giấy đăng ký kết hôn", "làm lại giấy kết hôn", "dang ky lai ket hon", "mat giay ket hon"], "HT")

R("1.005461", "Đăng ký lại khai tử", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp phải xác minh thì kéo dài không quá 10 ngày làm việc", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang", None),
  "mot_phan",
  [D("Tờ khai đăng ký lại khai tử", 1, 0, "Tờ khai đăng ký khai tử (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Bản sao Giấy chứng tử/Trích lục khai tử cũ hoặc giấy tờ liên quan đến việc khai tử (nếu có)", 0, 1)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp xã nơi đã đăng ký khai tử trước đây.",
   "Công chức Tư pháp - Hộ tịch kiểm tra, xác minh.",
   "Ghi vào Sổ đăng ký khai tử (ghi chú “đăng ký lại”).",
   "Chủ tịch UBND cấp xã ký cấp Trích lục khai tử."],
  "Trích lục khai tử (đăng ký lại).",
  "Việc khai tử đã được đăng ký trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất.",
  HT_LUAT + [HT_PHI],
  ["mất giấy chứng tử", "làm lại giấy khai tử", "dang ky lai khai tu", "trích lục khai tử bị mất"], "HT")

R("BG-HT-014", "Đăng ký giám hộ", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ", 3, "Miễn lệ phí đăng ký giám hộ", 0),
  "mot_phan",
  [D("Tờ khai đăng ký giám hộ", 1, 0, "Tờ khai đăng ký giám hộ (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Văn bản cử người giám hộ (giám hộ cử) hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên (nếu có nhiều người cùng đủ điều kiện thì kèm văn bản thỏa thuận)", 1, 0)],
  ["Người được cử làm giám hộ nộp hồ sơ tại UBND cấp xã nơi cư trú của người được giám hộ hoặc người giám hộ.",
   "Công chức Tư pháp - Hộ tịch kiểm tra điều kiện của người giám hộ theo Bộ luật Dân sự.",
   "Ghi vào Sổ đăng ký giám hộ; người giám hộ ký vào Sổ.",
   "Chủ tịch UBND cấp xã ký cấp Trích lục đăng ký giám hộ."],
  "Trích lục đăng ký giám hộ.",
  "Người giám hộ có năng lực hành vi dân sự đầy đủ, có tư cách đạo đức tốt, điều kiện cần thiết để thực hiện quyền, nghĩa vụ của người giám hộ (Điều 49 Bộ luật Dân sự).",
  HT_LUAT + ["Bộ luật Dân sự số 91/2015/QH13 (Điều 46 - 63)"],
  ["giám hộ", "nhận giám hộ cho cháu", "dang ky giam ho", "người giám hộ cho trẻ mồ côi"], "HT")

R("1.004845", "Đăng ký chấm dứt giám hộ", "Hộ tịch", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen", "02 ngày làm việc kể từ ngày nhận đủ hồ sơ", 2, "Miễn lệ phí", 0),
  "mot_phan",
  [D("Tờ khai đăng ký chấm dứt giám hộ", 1, 0, "Tờ khai đăng ký chấm dứt giám hộ (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy tờ chứng minh đủ điều kiện chấm dứt giám hộ theo Bộ luật Dân sự (người được giám hộ đã thành niên, đã chết, cha mẹ đã đủ điều kiện thực hiện quyền…)", 0, 1)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp xã nơi đã đăng ký giám hộ.",
   "Công chức kiểm tra căn cứ chấm dứt giám hộ.",
   "Ghi việc chấm dứt giám hộ vào Sổ đăng ký giám hộ.",
   "Chủ tịch UBND cấp xã ký cấp Trích lục đăng ký chấm dứt giám hộ."],
  "Trích lục đăng ký chấm dứt giám hộ.",
  "Có căn cứ chấm dứt giám hộ theo Điều 62 Bộ luật Dân sự 2015.",
  HT_LUAT,
  ["chấm dứt giám hộ", "cham dut giam ho", "thôi giám hộ"], "HT")

R("BG-HT-016", "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Hộ tịch", "xa", "XA",
  "UBND cấp xã (tiếp nhận, đăng ký khai sinh); Công an cấp xã (đăng ký thường trú); Bảo hiểm xã hội cấp huyện (cấp thẻ BHYT)",
  "Chủ tịch UBND cấp xã; Trưởng Công an cấp xã; Giám đốc BHXH cấp huyện", "XA",
  C("tuyen,tt", "Không quá 05 ngày làm việc cho cả nhóm thủ tục (khai sinh: trong ngày; thường trú: 03 ngày làm việc; thẻ BHYT: 01 ngày làm việc)", 5,
    "Miễn lệ phí khai sinh đúng hạn và lệ phí đăng ký thường trú cho trẻ em; thẻ BHYT trẻ em dưới 6 tuổi do ngân sách nhà nước đóng", 0),
  "toan_trinh",
  [D("Tờ khai điện tử liên thông (đăng ký khai sinh, thường trú, BHYT) trên Cổng Dịch vụ công/VNeID", 1, 0, "Biểu mẫu điện tử tương tác theo Nghị định số 63/2024/NĐ-CP"),
   D("Bản chụp/bản điện tử Giấy chứng sinh", 0, 1),
   D("Văn bản đồng ý cho đăng ký thường trú của chủ hộ/chủ sở hữu chỗ ở hợp pháp (nếu trẻ đăng ký thường trú không cùng cha, mẹ)", 1, 0)],
  ["Cha/mẹ đăng nhập VNeID hoặc Cổng Dịch vụ công quốc gia, chọn nhóm thủ tục liên thông khai sinh - thường trú - BHYT và kê khai một lần.",
   "UBND cấp xã đăng ký khai sinh, cấp số định danh cá nhân cho trẻ và chuyển thông tin sang Công an cấp xã.",
   "Công an cấp xã đăng ký thường trú cho trẻ; BHXH cấp huyện cấp thẻ BHYT điện tử.",
   "Kết quả (Giấy khai sinh điện tử/bản giấy, thông báo thường trú, thẻ BHYT) trả qua kho dữ liệu cá nhân, trực tiếp hoặc bưu chính."],
  "Giấy khai sinh; thông báo kết quả đăng ký thường trú; thẻ bảo hiểm y tế của trẻ.",
  "Trẻ em dưới 6 tuổi chưa được đăng ký khai sinh; người yêu cầu có tài khoản định danh điện tử mức 2.",
  ["Nghị định số 63/2024/NĐ-CP ngày 10/6/2024 về thực hiện liên thông điện tử nhóm thủ tục hành chính", "Luật Hộ tịch số 60/2014/QH13", "Luật Cư trú số 68/2020/QH14", "Luật Bảo hiểm y tế"],
  ["liên thông khai sinh", "khai sinh thường trú bhyt", "làm giấy khai sinh online", "lien thong khai sinh", "khai sinh trên vneid"], "HT")

R("BG-HT-017", "Liên thông thủ tục đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "Hộ tịch", "xa", "XA",
  "UBND cấp xã (đăng ký khai tử); Công an cấp xã (xóa đăng ký thường trú); Bảo hiểm xã hội hoặc Phòng LĐ-TB&XH cấp huyện (mai táng phí, tử tuất)",
  "Chủ tịch UBND cấp xã; Công an cấp xã; BHXH cấp huyện/UBND cấp huyện", "XA",
  C("tuyen,tt", "Khai tử: trong ngày; xóa đăng ký thường trú: 01 ngày làm việc; mai táng phí, tử tuất: theo thời hạn của từng chế độ (tối đa 15 ngày làm việc)", 15,
    "Miễn lệ phí khai tử đúng hạn và xóa đăng ký thường trú", 0),
  "toan_trinh",
  [D("Tờ khai điện tử liên thông trên Cổng Dịch vụ công quốc gia/VNeID", 1, 0, "Biểu mẫu điện tử tương tác theo Nghị định số 63/2024/NĐ-CP"),
   D("Giấy báo tử hoặc giấy tờ thay Giấy báo tử (bản chụp/bản điện tử)", 0, 1),
   D("Giấy tờ chứng minh đối tượng hưởng mai táng phí, trợ cấp tuất (nếu có)", 0, 1)],
  ["Thân nhân kê khai một lần trên Cổng Dịch vụ công/VNeID.",
   "UBND cấp xã đăng ký khai tử và chuyển thông tin cho Công an cấp xã xóa đăng ký thường trú.",
   "Cơ quan BHXH hoặc UBND/Phòng LĐ-TB&XH cấp huyện giải quyết mai táng phí, trợ cấp tuất theo đối tượng.",
   "Thân nhân nhận Trích lục khai tử và quyết định hưởng chế độ (nếu có)."],
  "Trích lục khai tử; thông báo xóa đăng ký thường trú; quyết định hưởng mai táng phí, trợ cấp tuất (nếu đủ điều kiện).",
  "Người chết có nơi thường trú tại Việt Nam; người yêu cầu là thân nhân có tài khoản định danh điện tử.",
  ["Nghị định số 63/2024/NĐ-CP ngày 10/6/2024 về thực hiện liên thông điện tử nhóm thủ tục hành chính", "Luật Hộ tịch số 60/2014/QH13", "Luật Cư trú số 68/2020/QH14", "Luật Bảo hiểm xã hội số 58/2014/QH13"],
  ["liên thông khai tử", "mai táng phí", "xóa hộ khẩu người chết", "lien thong khai tu", "tiền tử tuất"], "HT")

R("2.001263", "Đăng ký việc nuôi con nuôi trong nước", "Nuôi con nuôi", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (kéo dài thêm không quá 15 ngày nếu cần xác minh)", 20,
    "Lệ phí đăng ký nuôi con nuôi trong nước: 400.000 đồng/trường hợp (miễn cho cha dượng/mẹ kế, cô, dì, chú, bác, cậu ruột nhận cháu; người nhận trẻ em khuyết tật, mắc bệnh hiểm nghèo; người có công)", 400000),
  "thong_tin",
  [D("Đơn xin nhận con nuôi", 1, 0, "Mẫu TP/CN-2014/CN.01 ban hành kèm Thông tư số 10/2020/TT-BTP"),
   D("Phiếu lý lịch tư pháp của người nhận con nuôi", 1, 0),
   D("Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi (trường hợp nhận con nuôi một mình)", 1, 0),
   D("Giấy khám sức khỏe của người nhận con nuôi và người được nhận (do cơ sở y tế cấp huyện trở lên cấp)", 1, 0),
   D("Giấy khai sinh và 02 ảnh 4x6 của người được nhận làm con nuôi; văn bản đồng ý của cha mẹ đẻ/người giám hộ", 0, 1)],
  ["Người nhận con nuôi nộp hồ sơ tại UBND cấp xã nơi thường trú của người được giới thiệu làm con nuôi hoặc của người nhận.",
   "UBND cấp xã kiểm tra hồ sơ, lấy ý kiến của cha mẹ đẻ/người giám hộ và của trẻ từ đủ 09 tuổi trở lên.",
   "Thấy đủ điều kiện, UBND cấp xã đăng ký nuôi con nuôi, tổ chức giao nhận con nuôi trong 20 ngày kể từ ngày có ý kiến đồng ý.",
   "Trao Giấy chứng nhận nuôi con nuôi cho cha mẹ nuôi, cha mẹ đẻ; ghi vào Sổ đăng ký nuôi con nuôi."],
  "Giấy chứng nhận nuôi con nuôi; Quyết định giao nhận con nuôi.",
  "Người nhận con nuôi có năng lực hành vi dân sự đầy đủ, hơn con nuôi từ 20 tuổi trở lên, có điều kiện sức khỏe, kinh tế, chỗ ở bảo đảm việc chăm sóc, có tư cách đạo đức tốt (Điều 14 Luật Nuôi con nuôi).",
  ["Luật Nuôi con nuôi số 52/2010/QH12", "Nghị định số 19/2011/NĐ-CP (sửa đổi bởi Nghị định số 24/2019/NĐ-CP)", "Thông tư số 10/2020/TT-BTP ban hành biểu mẫu nuôi con nuôi", "Thông tư số 267/2016/TT-BTC quy định lệ phí đăng ký nuôi con nuôi"],
  ["nhận con nuôi", "xin con nuôi", "nuoi con nuoi", "nhận nuôi trẻ bị bỏ rơi"], "HT")

R("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", "xa", "XA",
  "UBND xã, phường, thị trấn; Phòng Tư pháp cấp huyện; tổ chức hành nghề công chứng", "Chủ tịch/Phó Chủ tịch UBND cấp xã", "XA",
  C("tt", "Trong ngày tiếp nhận yêu cầu; nếu tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo", None,
    "Phí: 10.000 đồng/trường hợp (trường hợp được hiểu là một hoặc nhiều chữ ký trong cùng một giấy tờ, văn bản)", 10000),
  "thong_tin",
  [D("Giấy tờ, văn bản cần chứng thực chữ ký (chưa ký, người yêu cầu ký trước mặt người thực hiện chứng thực)", 1, 0),
   D("Thẻ căn cước/căn cước công dân hoặc hộ chiếu còn giá trị (xuất trình)", 0, 0)],
  ["Người yêu cầu xuất trình giấy tờ tùy thân và giấy tờ cần chứng thực chữ ký tại Bộ phận Một cửa.",
   "Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký trước mặt người thực hiện chứng thực.",
   "Ghi lời chứng, người có thẩm quyền ký, đóng dấu; ghi vào Sổ chứng thực.",
   "Thu phí, trả kết quả."],
  "Giấy tờ, văn bản đã được chứng thực chữ ký.",
  "Người yêu cầu có năng lực hành vi dân sự, minh mẫn, nhận thức được hành vi; giấy tờ không có nội dung trái pháp luật, đạo đức xã hội; không chứng thực chữ ký trong văn bản là hợp đồng, giao dịch (trừ trường hợp pháp luật cho phép).",
  CT_LUAT,
  ["chứng thực chữ ký", "chung thuc chu ky", "xác nhận chữ ký", "ký xác nhận ở phường"], "CT")

R("BG-CT-003", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở", "Chứng thực", "xa", "XA",
  "UBND xã, phường, thị trấn nơi có đất, nhà ở (đối với hợp đồng về đất, nhà ở)", "Chủ tịch/Phó Chủ tịch UBND cấp xã", "XA",
  C("tt", "Trong ngày tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu nhận sau 15 giờ; trường hợp phức tạp không quá 02 ngày làm việc", 2,
    "Phí: 50.000 đồng/hợp đồng, giao dịch; sửa đổi, bổ sung, hủy bỏ: 30.000 đồng; sửa lỗi sai sót: 25.000 đồng", 50000),
  "thong_tin",
  [D("Dự thảo hợp đồng, giao dịch (chuyển nhượng, tặng cho, thế chấp, thuê… quyền sử dụng đất, nhà ở; hợp đồng về động sản)", 1, 0),
   D("Bản sao giấy tờ tùy thân của người yêu cầu chứng thực (kèm bản chính để đối chiếu)", 0, 1),
   D("Bản sao Giấy chứng nhận quyền sử dụng đất/quyền sở hữu nhà ở hoặc giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (kèm bản chính để đối chiếu)", 0, 1)],
  ["Các bên nộp hồ sơ tại UBND cấp xã nơi có bất động sản.",
   "Người tiếp nhận kiểm tra giấy tờ, năng lực hành vi dân sự và sự tự nguyện của các bên.",
   "Các bên ký trước mặt người thực hiện chứng thực (ký từng trang nếu hợp đồng nhiều trang).",
   "Người có thẩm quyền ghi lời chứng, ký, đóng dấu; ghi vào Sổ chứng thực; thu phí và trả kết quả."],
  "Hợp đồng, giao dịch được chứng thực.",
  "Các bên có năng lực hành vi dân sự; tài sản không đang tranh chấp, không bị kê biên; người thực hiện chứng thực không được chứng thực hợp đồng có liên quan đến bản thân và người thân thích.",
  CT_LUAT + ["Luật Đất đai số 31/2024/QH15 (Điều 27 về công chứng, chứng thực hợp đồng)"],
  ["chứng thực hợp đồng mua bán đất", "hợp đồng chuyển nhượng đất ở xã", "chung thuc hop dong", "công chứng hợp đồng tặng cho"], "CT")

R("BG-CT-004", "Chứng thực văn bản thỏa thuận phân chia di sản, văn bản khai nhận di sản là động sản, quyền sử dụng đất, nhà ở", "Chứng thực", "xa", "XA",
  "UBND xã, phường, thị trấn nơi có đất, nhà ở", "Chủ tịch/Phó Chủ tịch UBND cấp xã", "XA",
  C("tt", "Không quá 02 ngày làm việc sau khi hết thời hạn niêm yết 15 ngày tại trụ sở UBND cấp xã nơi có bất động sản và nơi thường trú cuối cùng của người để lại di sản", 2,
    "Phí: 50.000 đồng/văn bản", 50000),
  "thong_tin",
  [D("Dự thảo văn bản thỏa thuận phân chia di sản hoặc văn bản khai nhận di sản", 1, 0),
   D("Bản sao giấy tờ tùy thân của những người thừa kế", 0, 1),
   D("Giấy chứng tử/trích lục khai tử của người để lại di sản; giấy tờ chứng minh quan hệ với người để lại di sản; di chúc (nếu có)", 0, 1),
   D("Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở của người để lại di sản", 0, 1)],
  ["Những người thừa kế nộp hồ sơ tại UBND cấp xã nơi có bất động sản.",
   "UBND cấp xã niêm yết việc thỏa thuận phân chia/khai nhận di sản trong 15 ngày.",
   "Hết thời hạn niêm yết không có khiếu nại, tố cáo, các bên ký văn bản trước mặt người thực hiện chứng thực.",
   "Người có thẩm quyền ký, đóng dấu, ghi vào Sổ chứng thực; trả kết quả."],
  "Văn bản thỏa thuận phân chia/khai nhận di sản được chứng thực (làm căn cứ đăng ký biến động thừa kế).",
  "Người yêu cầu là người thừa kế theo pháp luật hoặc theo di chúc; di sản không có tranh chấp.",
  CT_LUAT + ["Bộ luật Dân sự số 91/2015/QH13 (Phần thứ tư - Thừa kế)"],
  ["khai nhận thừa kế", "chia thừa kế đất", "văn bản phân chia di sản", "khai nhan di san", "thủ tục thừa kế ở xã"], "CT")

R("1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", "Bảo trợ xã hội", "xa", "XA", UB_XA, UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 5, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật", 1, 0, "Mẫu số 02 ban hành kèm Thông tư số 01/2019/TT-BLĐTBXH"),
   D("Giấy xác nhận khuyết tật cũ (trường hợp đổi do hư hỏng hoặc sai thông tin)", 1, 0)],
  ["Người khuyết tật hoặc người đại diện nộp đơn tại UBND cấp xã nơi cư trú.",
   "Công chức LĐ-TB&XH cấp xã kiểm tra, đối chiếu hồ sơ xác định mức độ khuyết tật đang lưu.",
   "Chủ tịch UBND cấp xã cấp đổi hoặc cấp lại Giấy xác nhận khuyết tật (giữ nguyên dạng tật, mức độ khuyết tật)."],
  "Giấy xác nhận khuyết tật (cấp đổi/cấp lại).",
  "Giấy xác nhận khuyết tật bị mất, hư hỏng, hoặc có thay đổi thông tin cá nhân; dạng tật và mức độ khuyết tật không thay đổi (nếu thay đổi thì làm thủ tục xác định lại).",
  ["Luật Người khuyết tật số 51/2010/QH12", "Nghị định số 28/2012/NĐ-CP", "Thông tư số 01/2019/TT-BLĐTBXH"],
  ["mất giấy xác nhận khuyết tật", "cấp lại giấy khuyết tật", "doi giay xac nhan khuyet tat"], "LD")

R("1.011607", "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm", "Bảo trợ xã hội", "xa", "XA",
  "UBND xã, phường, thị trấn (Ban giảm nghèo cấp xã)", UB_XA_THQ, "XA",
  C("tt", "Theo kế hoạch rà soát hằng năm của UBND tỉnh (thường từ tháng 9 đến tháng 12); quyết định công nhận trước ngày 15/12", None,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo", 1, 0, "Phụ lục I ban hành kèm Thông tư số 07/2021/TT-BLĐTBXH"),
   D("Phiếu A (nhận diện hộ gia đình) và Phiếu B (thu thập thông tin hộ gia đình) do rà soát viên điền", 1, 0, "Phụ lục III ban hành kèm Thông tư số 07/2021/TT-BLĐTBXH")],
  ["Hộ gia đình nộp giấy đề nghị cho trưởng thôn, tổ dân phố hoặc UBND cấp xã.",
   "Ban giảm nghèo cấp xã tổ chức rà soát, chấm điểm theo chuẩn nghèo đa chiều (Phiếu A, Phiếu B).",
   "Tổ chức họp dân thống nhất kết quả; niêm yết công khai 03 ngày làm việc tại nhà văn hóa thôn và trụ sở UBND cấp xã.",
   "Chủ tịch UBND cấp xã quyết định công nhận hộ nghèo, hộ cận nghèo và cấp Giấy chứng nhận hộ nghèo, hộ cận nghèo."],
  "Quyết định công nhận; Giấy chứng nhận hộ nghèo, hộ cận nghèo.",
  "Hộ gia đình có thu nhập bình quân đầu người và mức thiếu hụt dịch vụ xã hội cơ bản theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025 (Nghị định số 07/2021/NĐ-CP).",
  ["Nghị định số 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025", "Quyết định số 24/2021/QĐ-TTg quy định quy trình rà soát hộ nghèo, hộ cận nghèo", "Thông tư số 07/2021/TT-BLĐTBXH"],
  ["hộ nghèo", "xin hộ cận nghèo", "sổ hộ nghèo", "ho ngheo can ngheo", "giấy chứng nhận hộ nghèo"], "LD")

R("BG-DD-X01", "Hòa giải tranh chấp đất đai tại cấp xã", "Đất đai", "xa", "XA",
  "UBND xã, phường, thị trấn (Hội đồng hòa giải tranh chấp đất đai cấp xã)", UB_XA_THQ, "XA",
  C("tt", "Không quá 30 ngày kể từ ngày nhận đơn yêu cầu hòa giải", 30, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn yêu cầu hòa giải tranh chấp đất đai", 1, 0),
   D("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp (Giấy chứng nhận, hợp đồng, giấy tờ mua bán, bản đồ…) nếu có", 0, 1)],
  ["Người có tranh chấp nộp đơn tại UBND cấp xã nơi có đất.",
   "UBND cấp xã thẩm tra, xác minh nguồn gốc, quá trình sử dụng đất; thu thập giấy tờ, tài liệu.",
   "Thành lập Hội đồng hòa giải và tổ chức cuộc họp hòa giải có sự tham gia của các bên tranh chấp và người có quyền lợi liên quan.",
   "Lập biên bản hòa giải thành hoặc không thành; gửi biên bản cho các bên và lưu hồ sơ."],
  "Biên bản hòa giải thành hoặc hòa giải không thành (là điều kiện để giải quyết tranh chấp tại UBND cấp có thẩm quyền hoặc Tòa án).",
  "Tranh chấp đất đai mà các bên không tự hòa giải được; hòa giải tại UBND cấp xã là thủ tục bắt buộc trước khi khởi kiện hoặc yêu cầu giải quyết.",
  DAT_DAI + ["Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai"],
  ["tranh chấp đất", "hòa giải đất đai", "hoa giai tranh chap dat", "lấn chiếm đất nhà bên cạnh", "tranh chap ranh gioi dat"], "DD")

R("2.000950", "Công nhận tổ trưởng tổ hòa giải", "Hòa giải ở cơ sở", "xa", "XA", "UBND xã, phường, thị trấn", UB_XA_THQ, "XA",
  C("tt", "05 ngày làm việc kể từ ngày nhận kết quả bầu tổ trưởng tổ hòa giải", 5, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị công nhận tổ trưởng tổ hòa giải của Trưởng ban công tác Mặt trận thôn, tổ dân phố", 1, 0),
   D("Biên bản bầu tổ trưởng tổ hòa giải", 1, 0)],
  ["Tổ hòa giải bầu tổ trưởng; Trưởng ban công tác Mặt trận lập văn bản đề nghị gửi UBND cấp xã.",
   "Công chức Tư pháp - Hộ tịch kiểm tra hồ sơ.",
   "Chủ tịch UBND cấp xã ra quyết định công nhận tổ trưởng tổ hòa giải."],
  "Quyết định công nhận tổ trưởng tổ hòa giải.",
  "Người được bầu là hòa giải viên, có uy tín, kỹ năng hòa giải và được quá nửa số thành viên tổ hòa giải tán thành.",
  ["Luật Hòa giải ở cơ sở số 35/2013/QH13", "Nghị định số 15/2014/NĐ-CP quy định chi tiết Luật Hòa giải ở cơ sở"],
  ["tổ hòa giải", "tổ trưởng hòa giải", "to truong to hoa giai", "hòa giải viên thôn"], "TP")

R("BG-MT-X01", "Đăng ký môi trường", "Môi trường", "xa", "XA", "UBND xã, phường, thị trấn", UB_XA_THQ, "XA",
  C("tt,tuyen,bc", "Tiếp nhận và cập nhật vào hệ thống trong ngày; thông báo tiếp nhận không quá 05 ngày làm việc", None, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Văn bản đăng ký môi trường", 1, 0, "Mẫu số 47 Phụ lục II ban hành kèm Nghị định số 08/2022/NĐ-CP (sửa đổi bởi Nghị định số 05/2025/NĐ-CP)")],
  ["Chủ dự án, cơ sở sản xuất, kinh dịch vụ (thuộc đối tượng đăng ký môi trường) gửi văn bản đăng ký môi trường tới UBND cấp xã nơi thực hiện dự án.",
   "UBND cấp xã tiếp nhận, cập nhật vào cơ sở dữ liệu môi trường.",
   "Kiểm tra nội dung bảo vệ môi trường khi cần; hướng dẫn chủ cơ sở thực hiện các biện pháp bảo vệ môi trường."],
  "Thông báo tiếp nhận văn bản đăng ký môi trường.",
  "Dự án, cơ sở phát sinh chất thải không thuộc đối tượng phải có giấy phép môi trường (Điều 49 Luật Bảo vệ môi trường 2020); ví dụ xưởng nhỏ, trang trại chăn nuôi quy mô nhỏ.",
  ["Luật Bảo vệ môi trường số 72/2020/QH14 (Điều 49)", "Nghị định số 08/2022/NĐ-CP quy định chi tiết Luật Bảo vệ môi trường", "Thông tư số 02/2022/TT-BTNMT"],
  ["đăng ký môi trường", "dang ky moi truong", "kế hoạch bảo vệ môi trường", "cam kết môi trường xưởng nhỏ"], "TNMT")

R("BG-VH-X01", "Xét tặng danh hiệu Gia đình văn hóa hằng năm", "Văn hóa cơ sở", "xa", "XA", "UBND xã, phường, thị trấn", UB_XA_THQ, "XA",
  C("tt", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ đề nghị của trưởng thôn, tổ dân phố (xét vào cuối năm)", 5, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Báo cáo thành tích kèm danh sách gia đình được đề nghị xét tặng của trưởng thôn, tổ dân phố", 1, 0),
   D("Biên bản họp xét của thôn, tổ dân phố", 1, 0)],
  ["Hộ gia đình đăng ký xây dựng gia đình văn hóa đầu năm tại thôn, tổ dân phố.",
   "Cuối năm, thôn, tổ dân phố họp bình xét và gửi hồ sơ đề nghị lên UBND cấp xã.",
   "Chủ tịch UBND cấp xã quyết định tặng danh hiệu và Giấy khen Gia đình văn hóa."],
  "Quyết định tặng danh hiệu Gia đình văn hóa.",
  "Gia đình gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước; gia đình hạnh phúc, tiến bộ; đoàn kết tương trợ trong cộng đồng (Nghị định 86/2023/NĐ-CP).",
  ["Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 86/2023/NĐ-CP quy định khung tiêu chuẩn và trình tự xét tặng danh hiệu Gia đình văn hóa, Thôn văn hóa, Tổ dân phố văn hóa"],
  ["gia đình văn hóa", "gia dinh van hoa", "giấy khen gia đình văn hóa"], "VH")

R("BG-TG-X01", "Đăng ký hoạt động tín ngưỡng", "Tín ngưỡng, tôn giáo", "xa", "XA", "UBND xã, phường, thị trấn", UB_XA_THQ, "XA",
  C("tt", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 15, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đăng ký hoạt động tín ngưỡng hằng năm (tên cơ sở, loại hình, nội dung, thời gian, địa điểm, quy mô lễ hội)", 1, 0, "Mẫu B1 ban hành kèm Nghị định số 95/2023/NĐ-CP")],
  ["Người đại diện cơ sở tín ngưỡng (đình, đền, miếu, nghè…) gửi văn bản đăng ký trước ngày 15/10 năm trước tới UBND cấp xã.",
   "UBND cấp xã kiểm tra nội dung đăng ký.",
   "UBND cấp xã trả lời bằng văn bản; không trả lời trong 15 ngày được coi là chấp thuận."],
  "Văn bản chấp thuận (hoặc không chấp thuận, có nêu rõ lý do) hoạt động tín ngưỡng.",
  "Cơ sở tín ngưỡng hợp pháp; hoạt động không xâm phạm quốc phòng, an ninh, trật tự xã hội, đạo đức xã hội.",
  ["Luật Tín ngưỡng, tôn giáo số 02/2016/QH14", "Nghị định số 95/2023/NĐ-CP quy định chi tiết Luật Tín ngưỡng, tôn giáo"],
  ["đăng ký lễ hội đình làng", "hoạt động tín ngưỡng", "dang ky tin nguong", "lễ hội đền miếu"], "NV")


# =========================================================================== HUYỆN (queue HUYEN)
PTP = "Phòng Tư pháp huyện, thành phố"
CT_HUYEN = "Chủ tịch UBND huyện, thành phố"

R("2.000528", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", "huyen", "HUYEN", PTP, CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 75.000 đồng/trường hợp; miễn cho trẻ thuộc hộ nghèo, người khuyết tật)", 75000),
  "toan_trinh",
  [D("Tờ khai đăng ký khai sinh", 1, 0, "Tờ khai đăng ký khai sinh (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy chứng sinh hoặc giấy tờ thay thế", 1, 0),
   D("Văn bản thỏa thuận của cha mẹ về việc chọn quốc tịch cho con (nếu cha hoặc mẹ là người nước ngoài) có xác nhận của cơ quan có thẩm quyền của nước mà người đó là công dân", 1, 0),
   D("Hộ chiếu/giấy tờ thay hộ chiếu của cha, mẹ là người nước ngoài; giấy tờ nước ngoài phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt có chứng thực", 0, 1)],
  ["Người đi đăng ký nộp hồ sơ tại UBND cấp huyện nơi cư trú của cha hoặc mẹ.",
   "Công chức làm công tác hộ tịch Phòng Tư pháp kiểm tra, xác minh; báo cáo Trưởng phòng Tư pháp.",
   "Phòng Tư pháp ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử, lấy số định danh cá nhân.",
   "Chủ tịch UBND cấp huyện ký Giấy khai sinh; trả kết quả cho người yêu cầu."],
  "Giấy khai sinh (bản chính).",
  "Trẻ sinh ra tại Việt Nam có cha hoặc mẹ là người nước ngoài, hoặc có cha, mẹ là công dân Việt Nam nhưng một bên định cư ở nước ngoài, hoặc trẻ sinh ra ở nước ngoài chưa được đăng ký khai sinh về cư trú tại Việt Nam. Khu vực biên giới: cấp xã đăng ký khai sinh cho trẻ có cha/mẹ là công dân nước láng giềng thường trú ở khu vực biên giới.",
  HT_LUAT + ["Luật Quốc tịch Việt Nam số 24/2008/QH12 (sửa đổi 2014)", HT_PHI],
  ["khai sinh có yếu tố nước ngoài", "khai sinh cho con lai", "bố nước ngoài làm giấy khai sinh", "khai sinh yeu to nuoc ngoai", "khai sinh cho con sinh ở nước ngoài"], "HT")

R("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch", "huyen", "HUYEN", PTP, CT_HUYEN, "HUYEN",
  C("tt", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (có thể kéo dài thêm không quá 10 ngày làm việc nếu cần xác minh)", 15,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 1.000.000 đồng/trường hợp)", 1000000),
  "thong_tin",
  [D("Tờ khai đăng ký kết hôn", 1, 0, "Tờ khai đăng ký kết hôn (mẫu ban hành kèm Thông tư số 04/2020/TT-BTP)"),
   D("Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền nước ngoài cấp (còn giá trị)", 1, 0),
   D("Giấy xác nhận của tổ chức y tế có thẩm quyền xác nhận người đó không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ hành vi", 1, 0),
   D("Bản sao hộ chiếu/giấy tờ thay hộ chiếu của người nước ngoài", 0, 1)],
  ["Hai bên nộp hồ sơ tại UBND cấp huyện nơi cư trú của công dân Việt Nam.",
   "Phòng Tư pháp nghiên cứu, thẩm tra hồ sơ, xác minh (nếu cần), báo cáo Chủ tịch UBND cấp huyện.",
   "Chủ tịch UBND cấp huyện ký Giấy chứng nhận kết hôn.",
   "Tổ chức trao Giấy chứng nhận kết hôn trong 03 ngày làm việc kể từ ngày ký; hai bên phải có mặt."],
  "Giấy chứng nhận kết hôn.",
  "Hai bên đáp ứng điều kiện kết hôn theo Luật Hôn nhân và gia đình Việt Nam và pháp luật nước mà người nước ngoài là công dân; giấy tờ nước ngoài phải hợp pháp hóa lãnh sự, dịch sang tiếng Việt.",
  HT_LUAT + ["Luật Hôn nhân và gia đình số 52/2014/QH13", HT_PHI],
  ["kết hôn với người nước ngoài", "lấy chồng nước ngoài", "ket hon yeu to nuoc ngoai", "đăng ký kết hôn người hàn quốc"], "HT")

R("BG-HT-H03", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", "Hộ tịch", "huyen", "HUYEN", PTP, CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày làm việc", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 25.000 đồng/trường hợp)", 25000),
  "toan_trinh",
  [D("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 1, 0, "Mẫu ban hành kèm Thông tư số 04/2020/TT-BTP"),
   D("Giấy tờ làm căn cứ thay đổi, cải chính, xác định lại dân tộc (giấy khai sinh của cha/mẹ khi xác định lại dân tộc theo dân tộc của cha/mẹ…)", 0, 1)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp huyện nơi đã đăng ký hộ tịch trước đây hoặc nơi cư trú.",
   "Phòng Tư pháp kiểm tra căn cứ, xác minh nếu cần.",
   "Chủ tịch UBND cấp huyện ký Trích lục thay đổi, cải chính hộ tịch/xác định lại dân tộc.",
   "Ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu và thông báo cho nơi đăng ký khai sinh (nếu khác)."],
  "Trích lục thay đổi, cải chính hộ tịch, xác định lại dân tộc.",
  "Áp dụng cho công dân Việt Nam từ đủ 14 tuổi trở lên cư trú ở trong nước; xác định lại dân tộc theo Điều 29 Bộ luật Dân sự.",
  HT_LUAT + [HT_PHI],
  ["cải chính ngày sinh người lớn", "xác định lại dân tộc", "đổi dân tộc", "cai chinh ho tich cap huyen", "sửa năm sinh"], "HT")

R("BG-HT-H04", "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", "Hộ tịch", "huyen", "HUYEN", PTP, CT_HUYEN, "HUYEN",
  C("tt,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh kéo dài không quá 10 ngày làm việc", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 75.000 đồng/trường hợp)", 75000),
  "thong_tin",
  [D("Tờ khai ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn", 1, 0, "Mẫu ban hành kèm Thông tư số 04/2020/TT-BTP"),
   D("Bản sao bản án, quyết định ly hôn, hủy kết hôn của cơ quan nước ngoài đã có hiệu lực (hợp pháp hóa lãnh sự, dịch tiếng Việt có chứng thực)", 0, 1)],
  ["Người yêu cầu nộp hồ sơ tại UBND cấp huyện nơi đã đăng ký kết hôn hoặc nơi cư trú.",
   "Phòng Tư pháp kiểm tra hồ sơ, xác minh.",
   "Trưởng phòng Tư pháp ghi vào Sổ hộ tịch; cấp Trích lục ghi chú ly hôn."],
  "Trích lục ghi chú ly hôn.",
  "Bản án, quyết định ly hôn của nước ngoài không có đơn yêu cầu không công nhận tại Việt Nam.",
  HT_LUAT + ["Nghị định số 123/2015/NĐ-CP (Điều 37 - 48)"],
  ["ghi chú ly hôn", "ly hôn ở nước ngoài", "ghi chu ly hon", "ly hôn ở Hàn Quốc về Việt Nam"], "HT")

R("BG-XD-H01", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", "huyen", "HUYEN",
  "Phòng Quản lý đô thị (thành phố Bắc Giang) hoặc Phòng Kinh tế và Hạ tầng các huyện", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (trường hợp cần xem xét thêm thì thông báo và kéo dài không quá 10 ngày)", 15,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 75.000 đồng/giấy phép nhà ở riêng lẻ; gia hạn, cấp lại 15.000 đồng)", 75000),
  "toan_trinh",
  [D("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "Mẫu số 01 Phụ lục II ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Giấy tờ hợp pháp về quyền sử dụng đất (Giấy chứng nhận quyền sử dụng đất…)", 0, 1),
   D("Bản vẽ thiết kế xây dựng (mặt bằng công trình trên lô đất, mặt bằng móng, mặt cắt, mặt đứng, sơ đồ đấu nối hạ tầng kỹ thuật)", 2, 0),
   D("Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế (đối với công trình có tầng hầm hoặc từ 07 tầng trở lên) và cam kết bảo đảm an toàn công trình liền kề (khi có tầng hầm)", 1, 0)],
  ["Chủ đầu tư (hộ gia đình, cá nhân) nộp hồ sơ tại Bộ phận Một cửa UBND cấp huyện hoặc trực tuyến.",
   "Phòng chuyên môn kiểm tra hồ sơ; trong 07 ngày làm việc tổ chức kiểm tra thực địa.",
   "Đối chiếu với quy hoạch chi tiết, thiết kế đô thị, quy chế quản lý kiến trúc; lấy ý kiến cơ quan liên quan nếu cần.",
   "Chủ tịch UBND cấp huyện ký giấy phép xây dựng; trả kết quả kèm bản vẽ được đóng dấu."],
  "Giấy phép xây dựng nhà ở riêng lẻ (kèm bản vẽ thiết kế được đóng dấu).",
  "Phù hợp mục đích sử dụng đất, quy hoạch chi tiết xây dựng; bảo đảm an toàn công trình và công trình lân cận; chỉ giới xây dựng, mật độ, chiều cao theo quy hoạch. Nhà ở riêng lẻ ở nông thôn dưới 07 tầng không thuộc khu vực có quy hoạch đô thị, khu bảo tồn, di tích được miễn giấy phép (Điều 89 Luật Xây dựng).",
  XD_LUAT + ["Quyết định của UBND tỉnh Bắc Giang về phân cấp cấp giấy phép xây dựng trên địa bàn tỉnh"],
  ["xin phép xây nhà", "giấy phép xây dựng nhà ở", "gpxd", "xin giay phep xay dung", "xây nhà có cần xin phép không"], "XD")

R("1.013228", "Cấp lại giấy phép xây dựng", "Hoạt động xây dựng", "huyen", "HUYEN",
  "Phòng Quản lý đô thị/Phòng Kinh tế và Hạ tầng cấp huyện (đối với giấy phép do UBND cấp huyện cấp)", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 15.000 đồng/giấy phép)", 15000),
  "toan_trinh",
  [D("Đơn đề nghị cấp lại giấy phép xây dựng (nêu rõ lý do)", 1, 0, "Mẫu số 03 Phụ lục II ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Bản chính giấy phép xây dựng đã được cấp (trường hợp bị rách, nát)", 1, 0)],
  ["Chủ đầu tư nộp đơn tại Bộ phận Một cửa UBND cấp huyện.",
   "Cơ quan cấp phép kiểm tra hồ sơ lưu.",
   "Chủ tịch UBND cấp huyện ký cấp lại giấy phép; trả kết quả."],
  "Giấy phép xây dựng (cấp lại).",
  "Giấy phép xây dựng bị rách, nát hoặc bị mất.",
  XD_LUAT,
  ["mất giấy phép xây dựng", "cấp lại gpxd", "cap lai giay phep xay dung"], "XD")

R("1.013227", "Gia hạn giấy phép xây dựng", "Hoạt động xây dựng", "huyen", "HUYEN",
  "Phòng Quản lý đô thị/Phòng Kinh tế và Hạ tầng cấp huyện", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 15.000 đồng/giấy phép)", 15000),
  "toan_trinh",
  [D("Đơn đề nghị gia hạn giấy phép xây dựng", 1, 0, "Mẫu số 02 Phụ lục II ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Bản chính giấy phép xây dựng đã được cấp", 1, 0)],
  ["Trước thời điểm giấy phép hết hiệu lực khởi công (12 tháng kể từ ngày cấp), chủ đầu tư nộp đơn đề nghị gia hạn.",
   "Cơ quan cấp phép kiểm tra lý do chưa khởi công.",
   "Chủ tịch UBND cấp huyện ký gia hạn (mỗi giấy phép được gia hạn tối đa 02 lần, mỗi lần 12 tháng)."],
  "Giấy phép xây dựng được gia hạn.",
  "Công trình chưa khởi công khi giấy phép sắp hết hiệu lực khởi công.",
  XD_LUAT,
  ["gia hạn giấy phép xây dựng", "gia han gpxd", "giấy phép xây dựng hết hạn"], "XD")

R("BG-DD-H01", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", "huyen", "HUYEN",
  "Chi nhánh Văn phòng Đăng ký đất đai cấp huyện; Phòng Tài nguyên và Môi trường cấp huyện",
  "UBND huyện, thành phố (đối với hộ gia đình, cá nhân, cộng đồng dân cư)", "HUYEN",
  C("tt,tuyen,bc", "Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết công khai, thực hiện nghĩa vụ tài chính, xác minh; xã miền núi, vùng khó khăn được cộng thêm 10 ngày)", 20,
    "Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ: theo Nghị quyết HĐND tỉnh Bắc Giang; người sử dụng đất nộp tiền sử dụng đất, lệ phí trước bạ (0,5%) theo thông báo của cơ quan thuế (nếu có)", None),
  "mot_phan",
  [D("Đơn đăng ký đất đai, tài sản gắn liền với đất", 1, 0, "Mẫu số 04/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP"),
   D("Một trong các giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai 2024 (giấy tờ trước ngày 15/10/1993, giấy tờ mua bán, thừa kế, tặng cho có xác nhận…) nếu có", 0, 1),
   D("Giấy tờ về tài sản gắn liền với đất (nếu đăng ký tài sản); sơ đồ nhà ở, công trình xây dựng", 0, 1),
   D("Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ về miễn, giảm (nếu có)", 0, 1),
   D("Tờ khai lệ phí trước bạ nhà, đất và tờ khai tiền sử dụng đất (nếu có)", 1, 0, "Mẫu số 01/LPTB ban hành kèm Thông tư số 80/2021/TT-BTC")],
  ["Người sử dụng đất nộp hồ sơ tại Bộ phận Một cửa cấp huyện hoặc UBND cấp xã nơi có đất (hoặc trực tuyến).",
   "UBND cấp xã xác nhận hiện trạng, nguồn gốc, thời điểm sử dụng đất, tình trạng tranh chấp, sự phù hợp quy hoạch; niêm yết công khai 15 ngày.",
   "Chi nhánh Văn phòng Đăng ký đất đai trích đo địa chính (nếu cần), kiểm tra hồ sơ, gửi thông tin sang cơ quan thuế xác định nghĩa vụ tài chính.",
   "Người sử dụng đất nộp nghĩa vụ tài chính; Phòng Tài nguyên và Môi trường trình UBND cấp huyện ký Giấy chứng nhận.",
   "Cập nhật hồ sơ địa chính, cơ sở dữ liệu đất đai; trao Giấy chứng nhận cho người sử dụng đất."],
  "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (mẫu mới theo Luật Đất đai 2024).",
  "Đất đang sử dụng ổn định, không tranh chấp, phù hợp quy hoạch; có hoặc không có giấy tờ về quyền sử dụng đất theo Điều 137, 138 Luật Đất đai 2024; không vi phạm pháp luật đất đai hoặc đã xử lý xong vi phạm.",
  DAT_DAI + ["Nghị định số 103/2024/NĐ-CP quy định về tiền sử dụng đất, tiền thuê đất", "Nghị quyết của HĐND tỉnh Bắc Giang về lệ phí cấp giấy chứng nhận, phí thẩm định hồ sơ"],
  ["làm sổ đỏ", "lam so do", "cấp sổ đỏ lần đầu", "sổ hồng", "giấy chứng nhận quyền sử dụng đất", "gcn qsdd lan dau"], "DD")

R("BG-DD-H02", "Chuyển mục đích sử dụng đất", "Đất đai", "huyen", "HUYEN",
  "Phòng Tài nguyên và Môi trường cấp huyện", "UBND huyện, thành phố (đối với cá nhân, hộ gia đình)", "HUYEN",
  C("tt,tuyen,bc", "Không quá 20 ngày kể từ ngày nhận đủ hồ sơ (không kể thời gian xác định giá đất, thực hiện nghĩa vụ tài chính)", 20,
    "Tiền sử dụng đất theo thông báo của cơ quan thuế; lệ phí cấp Giấy chứng nhận (nếu cấp mới) theo Nghị quyết HĐND tỉnh", None),
  "mot_phan",
  [D("Đơn xin chuyển mục đích sử dụng đất", 1, 0, "Mẫu số 02c Phụ lục ban hành kèm Nghị định số 102/2024/NĐ-CP"),
   D("Giấy chứng nhận quyền sử dụng đất (bản gốc)", 1, 0)],
  ["Người sử dụng đất nộp hồ sơ tại Bộ phận Một cửa UBND cấp huyện.",
   "Phòng Tài nguyên và Môi trường thẩm tra hồ sơ, xác minh thực địa, đối chiếu kế hoạch sử dụng đất cấp huyện hằng năm.",
   "Trình UBND cấp huyện quyết định cho phép chuyển mục đích; gửi thông tin để cơ quan thuế xác định tiền sử dụng đất.",
   "Người sử dụng đất nộp tiền sử dụng đất; Văn phòng/Chi nhánh Văn phòng Đăng ký đất đai chỉnh lý Giấy chứng nhận và trả kết quả."],
  "Quyết định cho phép chuyển mục đích sử dụng đất; Giấy chứng nhận được chỉnh lý hoặc cấp mới.",
  "Phù hợp kế hoạch sử dụng đất hằng năm cấp huyện đã được phê duyệt; đất không có tranh chấp, không bị kê biên. Chuyển từ đất nông nghiệp sang đất ở phải nộp tiền sử dụng đất theo chênh lệch giá đất.",
  DAT_DAI + ["Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai", "Nghị định số 103/2024/NĐ-CP quy định về tiền sử dụng đất, tiền thuê đất"],
  ["lên thổ cư", "chuyển đất vườn lên đất ở", "chuyen muc dich su dung dat", "lên đất ở", "chuyển đổi đất nông nghiệp"], "DD")

R("BG-DD-H03", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch UBND cấp huyện", "Đất đai", "huyen", "HUYEN",
  "Phòng Tài nguyên và Môi trường cấp huyện", CT_HUYEN, "HUYEN",
  C("tt", "Không quá 45 ngày kể từ ngày thụ lý (xã vùng sâu, vùng xa, miền núi không quá 55 ngày)", 45, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn yêu cầu giải quyết tranh chấp đất đai", 1, 0),
   D("Biên bản hòa giải không thành tại UBND cấp xã", 0, 1),
   D("Giấy tờ, tài liệu, chứng cứ liên quan đến thửa đất tranh chấp", 0, 1)],
  ["Các bên tranh chấp (hộ gia đình, cá nhân, cộng đồng dân cư) nộp đơn tại UBND cấp huyện.",
   "Phòng Tài nguyên và Môi trường thẩm tra, xác minh, tổ chức đối thoại, hòa giải giữa các bên.",
   "Chủ tịch UBND cấp huyện ban hành quyết định giải quyết tranh chấp.",
   "Gửi quyết định cho các bên; các bên có quyền khiếu nại lên Chủ tịch UBND tỉnh hoặc khởi kiện tại Tòa án."],
  "Quyết định giải quyết tranh chấp đất đai.",
  "Tranh chấp giữa hộ gia đình, cá nhân, cộng đồng dân cư đã hòa giải tại cấp xã không thành và các bên không có giấy tờ về quyền sử dụng đất; các bên lựa chọn giải quyết tại UBND thay vì Tòa án.",
  DAT_DAI + ["Nghị định số 102/2024/NĐ-CP"],
  ["tranh chấp đất lên huyện", "giai quyet tranh chap dat dai", "kiện đất đai"], "DD")

R("1.001612", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố (cơ quan đăng ký kinh doanh cấp huyện)", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 100.000 đồng/lần; miễn khi nộp trực tuyến nếu Nghị quyết quy định)", 100000),
  "toan_trinh",
  [D("Giấy đề nghị đăng ký hộ kinh doanh", 1, 0, "Phụ lục III-1 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh (nếu chưa tích hợp Cơ sở dữ liệu quốc gia về dân cư)", 0, 1),
   D("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên hộ gia đình cùng đăng ký)", 0, 1),
   D("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu có)", 0, 1)],
  ["Chủ hộ kinh doanh nộp hồ sơ tại Bộ phận Một cửa UBND cấp huyện nơi đặt địa điểm kinh doanh hoặc trực tuyến.",
   "Phòng Tài chính - Kế hoạch kiểm tra tính hợp lệ của hồ sơ, tên hộ kinh doanh, ngành nghề kinh doanh.",
   "Hồ sơ hợp lệ: cấp Giấy chứng nhận đăng ký hộ kinh doanh trong 03 ngày làm việc; không hợp lệ: thông báo bằng văn bản nội dung cần sửa đổi, bổ sung.",
   "Gửi thông tin đăng ký hộ kinh doanh sang cơ quan thuế để cấp mã số thuế cho hộ kinh doanh."],
  "Giấy chứng nhận đăng ký hộ kinh doanh (mã số hộ kinh doanh đồng thời là mã số thuế).",
  "Cá nhân, thành viên hộ gia đình là công dân Việt Nam có năng lực hành vi dân sự đầy đủ; chỉ được đăng ký một hộ kinh doanh; ngành nghề không bị cấm; tên hộ kinh doanh không trùng trong phạm vi huyện. Hộ gia đình sản xuất nông, lâm, ngư nghiệp, làm muối, bán hàng rong, dịch vụ thu nhập thấp không phải đăng ký (trừ ngành nghề có điều kiện).",
  DN_LUAT[:3] + ["Nghị quyết của HĐND tỉnh Bắc Giang quy định mức thu lệ phí đăng ký hộ kinh doanh"],
  ["đăng ký hộ kinh doanh", "hkd", "giấy phép kinh doanh hộ cá thể", "mở cửa hàng cần giấy tờ gì", "dang ky ho kinh doanh", "đăng ký kinh doanh cá thể"], "KHDT")

R("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 50.000 đồng/lần)", 50000),
  "toan_trinh",
  [D("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", 1, 0, "Phụ lục III-2 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Biên bản họp thành viên hộ gia đình (trường hợp thay đổi chủ hộ kinh doanh) hoặc hợp đồng tặng cho, mua bán hộ kinh doanh, giấy tờ thừa kế", 0, 1),
   D("Giấy chứng nhận đăng ký hộ kinh doanh đã cấp", 1, 0)],
  ["Chủ hộ kinh doanh nộp thông báo tại cơ quan đăng ký kinh doanh cấp huyện nơi đã đăng ký (nếu chuyển địa điểm sang huyện khác thì nộp tại huyện nơi chuyển đến).",
   "Phòng Tài chính - Kế hoạch kiểm tra hồ sơ.",
   "Cấp Giấy chứng nhận đăng ký hộ kinh doanh mới (hoặc xác nhận thay đổi) trong 03 ngày làm việc."],
  "Giấy chứng nhận đăng ký hộ kinh doanh (cập nhật nội dung thay đổi).",
  "Thay đổi tên, địa chỉ, ngành nghề, vốn, chủ hộ kinh doanh hoặc thông tin thành viên hộ gia đình.",
  DN_LUAT[:3],
  ["thay đổi hộ kinh doanh", "đổi địa chỉ hộ kinh doanh", "thêm ngành nghề hkd", "thay doi noi dung ho kinh doanh", "sang tên hộ kinh doanh"], "KHDT")

R("1.001570", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn đã thông báo", 1, 0, "Phụ lục III-3 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Biên bản họp thành viên hộ gia đình (nếu hộ do các thành viên hộ gia đình đăng ký)", 0, 1)],
  ["Chậm nhất 03 ngày làm việc trước khi tạm ngừng, chủ hộ kinh doanh gửi thông báo tới cơ quan đăng ký kinh doanh cấp huyện.",
   "Phòng Tài chính - Kế hoạch kiểm tra hồ sơ.",
   "Cấp Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh; thông tin được chuyển cho cơ quan thuế."],
  "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn.",
  "Hộ kinh doanh đã được cấp Giấy chứng nhận đăng ký hộ kinh doanh.",
  DN_LUAT[:3],
  ["tạm nghỉ kinh doanh", "tạm ngừng hộ kinh doanh", "tam ngung kinh doanh hkd", "nghỉ bán một thời gian"], "KHDT")

R("1.001266", "Chấm dứt hoạt động hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", 1, 0, "Phụ lục III-4 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Thông báo của cơ quan thuế về việc chấp thuận chấm dứt hiệu lực mã số thuế", 0, 1),
   D("Biên bản họp thành viên hộ gia đình (nếu có); Giấy chứng nhận đăng ký hộ kinh doanh bản gốc", 1, 0)],
  ["Hộ kinh doanh hoàn thành nghĩa vụ thuế và làm thủ tục chấm dứt hiệu lực mã số thuế với cơ quan thuế.",
   "Nộp thông báo chấm dứt hoạt động tại cơ quan đăng ký kinh doanh cấp huyện.",
   "Phòng Tài chính - Kế hoạch ra thông báo về việc chấm dứt hoạt động hộ kinh doanh và cập nhật tình trạng trên hệ thống."],
  "Thông báo về việc chấm dứt hoạt động hộ kinh doanh.",
  "Hộ kinh doanh đã thanh toán đầy đủ các khoản nợ, nghĩa vụ thuế và nghĩa vụ tài chính chưa thực hiện.",
  DN_LUAT[:3],
  ["đóng hộ kinh doanh", "giải thể hộ kinh doanh", "cham dut ho kinh doanh", "nghỉ kinh doanh luôn"], "KHDT")

R("2.000575", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 50.000 đồng/lần)", 50000),
  "toan_trinh",
  [D("Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", 1, 0, "Phụ lục III-5 ban hành kèm Thông tư số 01/2021/TT-BKHĐT")],
  ["Chủ hộ kinh doanh nộp giấy đề nghị tại cơ quan đăng ký kinh doanh cấp huyện nơi đã đăng ký.",
   "Phòng Tài chính - Kế hoạch kiểm tra, đối chiếu dữ liệu.",
   "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh."],
  "Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại).",
  "Giấy chứng nhận đăng ký hộ kinh doanh bị mất, cháy, rách, nát hoặc bị tiêu hủy dưới hình thức khác.",
  DN_LUAT[:3],
  ["mất giấy phép kinh doanh hộ", "cấp lại giấy đăng ký hộ kinh doanh", "cap lai gcn ho kinh doanh"], "KHDT")

R("BG-TM-H01", "Cấp Giấy phép bán lẻ rượu", "Lưu thông hàng hóa trong nước", "huyen", "HUYEN",
  "Phòng Kinh tế (thành phố Bắc Giang) hoặc Phòng Kinh tế và Hạ tầng các huyện", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10,
    "Phí thẩm định: 600.000 đồng/điểm kinh doanh (tại thành phố trực thuộc trung ương: 1.200.000 đồng)", 600000),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy phép bán lẻ rượu", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Nghị định số 105/2017/NĐ-CP (sửa đổi bởi Nghị định số 17/2020/NĐ-CP)"),
   D("Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1),
   D("Giấy tờ chứng minh quyền sử dụng hợp pháp địa điểm kinh doanh (sở hữu, hợp đồng thuê, mượn)", 0, 1),
   D("Văn bản giới thiệu/hợp đồng nguyên tắc của thương nhân sản xuất, phân phối hoặc bán buôn sản phẩm rượu", 0, 1)],
  ["Thương nhân nộp hồ sơ tại Bộ phận Một cửa UBND cấp huyện nơi đặt địa điểm kinh doanh.",
   "Phòng chuyên môn kiểm tra hồ sơ (thông báo bổ sung trong 03 ngày làm việc nếu chưa hợp lệ).",
   "Xem xét, thẩm định điều kiện; cấp Giấy phép trong 10 ngày làm việc (trường hợp từ chối phải trả lời bằng văn bản, nêu rõ lý do)."],
  "Giấy phép bán lẻ rượu (thời hạn 05 năm).",
  "Áp dụng cho bán lẻ rượu có độ cồn từ 5,5 độ trở lên; thương nhân có đăng ký kinh doanh ngành nghề bán lẻ đồ uống có cồn, có địa điểm cố định, có nguồn rượu hợp pháp; phù hợp quy định về ATTP.",
  ["Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14", "Nghị định số 105/2017/NĐ-CP về kinh doanh rượu (sửa đổi bởi Nghị định số 17/2020/NĐ-CP)", "Thông tư số 168/2016/TT-BTC quy định phí thẩm định kinh doanh thương mại có điều kiện"],
  ["giấy phép bán rượu", "bán lẻ rượu", "giay phep ban le ruou", "mở quán bán rượu"], "CTH")

R("BG-TM-H02", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Lưu thông hàng hóa trong nước", "huyen", "HUYEN",
  "Phòng Kinh tế/Phòng Kinh tế và Hạ tầng huyện, thành phố", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15,
    "Phí thẩm định: 600.000 đồng/điểm kinh doanh (tại thành phố trực thuộc trung ương: 1.200.000 đồng)", 600000),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá", 1, 0, "Mẫu ban hành kèm Nghị định số 67/2013/NĐ-CP (sửa đổi bởi Nghị định số 106/2017/NĐ-CP, 08/2018/NĐ-CP)"),
   D("Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1),
   D("Văn bản giới thiệu của doanh nghiệp bán buôn/đại lý thuốc lá", 0, 1),
   D("Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh", 0, 1)],
  ["Thương nhân nộp hồ sơ tại UBND cấp huyện.",
   "Phòng chuyên môn thẩm định hồ sơ, kiểm tra địa điểm.",
   "Chủ tịch UBND cấp huyện (hoặc Trưởng phòng được ủy quyền) cấp Giấy phép."],
  "Giấy phép bán lẻ sản phẩm thuốc lá (thời hạn 05 năm).",
  "Địa điểm kinh doanh cố định, không nằm trong địa điểm cấm bán thuốc lá (trường học, cơ sở y tế…); có nguồn thuốc lá hợp pháp.",
  ["Luật Phòng, chống tác hại của thuốc lá số 09/2012/QH13", "Nghị định số 67/2013/NĐ-CP quy định chi tiết Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá", "Thông tư số 168/2016/TT-BTC"],
  ["giấy phép bán thuốc lá", "ban le thuoc la", "bán thuốc lá cần giấy phép"], "CTH")

R("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng", "Bảo trợ xã hội", "huyen", "HUYEN",
  "UBND cấp xã (tiếp nhận, xét duyệt); Phòng Lao động - Thương binh và Xã hội cấp huyện (thẩm định)", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "Tổng thời gian không quá 20 ngày làm việc (cấp xã xét duyệt, niêm yết 02 ngày làm việc; Phòng LĐ-TB&XH thẩm định 07 ngày làm việc; Chủ tịch UBND cấp huyện quyết định 03 ngày làm việc)", 20,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đề nghị trợ giúp xã hội", 1, 0, "Mẫu số 1a - 1d Phụ lục ban hành kèm Nghị định số 20/2021/NĐ-CP (theo từng đối tượng)"),
   D("Giấy xác nhận khuyết tật (đối với người khuyết tật); giấy tờ chứng minh đối tượng (trẻ em mồ côi, người cao tuổi cô đơn, người đơn thân nghèo nuôi con…)", 0, 1),
   D("Văn bản đề nghị thôi hưởng hoặc giấy tờ chứng minh thay đổi điều kiện hưởng (khi điều chỉnh, thôi hưởng)", 1, 0)],
  ["Đối tượng hoặc người giám hộ nộp hồ sơ tại UBND cấp xã nơi cư trú.",
   "Hội đồng xét duyệt trợ giúp xã hội cấp xã họp xét duyệt; niêm yết công khai kết quả 02 ngày làm việc; Chủ tịch UBND cấp xã gửi hồ sơ lên Phòng LĐ-TB&XH.",
   "Phòng LĐ-TB&XH thẩm định, trình Chủ tịch UBND cấp huyện.",
   "Chủ tịch UBND cấp huyện quyết định trợ cấp, điều chỉnh hoặc thôi hưởng; trợ cấp được hưởng từ tháng Chủ tịch UBND cấp huyện ký quyết định."],
  "Quyết định hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hàng tháng (và hỗ trợ cấp thẻ BHYT).",
  "Đối tượng theo Điều 5 Nghị định 20/2021/NĐ-CP: trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng; người cao tuổi từ đủ 80 tuổi không có lương hưu, trợ cấp BHXH; người cao tuổi thuộc hộ nghèo không có người phụng dưỡng; người khuyết tật nặng, đặc biệt nặng; người đơn thân thuộc hộ nghèo nuôi con nhỏ… Mức chuẩn trợ giúp xã hội 500.000 đồng/tháng (từ 01/7/2024), nhân hệ số theo đối tượng.",
  ["Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội (sửa đổi bởi Nghị định số 76/2024/NĐ-CP)", "Luật Người cao tuổi số 39/2009/QH12", "Luật Người khuyết tật số 51/2010/QH12"],
  ["trợ cấp xã hội", "tiền trợ cấp người già 80 tuổi", "trợ cấp người khuyết tật", "tro cap xa hoi hang thang", "bảo trợ xã hội", "tiền hàng tháng cho người tàn tật"], "LD")

R("1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội", "huyen", "HUYEN",
  "UBND cấp xã (tiếp nhận); Phòng Lao động - Thương binh và Xã hội cấp huyện", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "Không quá 10 ngày làm việc (cấp xã 03 ngày; Phòng LĐ-TB&XH 04 ngày; Chủ tịch UBND cấp huyện 03 ngày)", 10,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đề nghị hỗ trợ chi phí mai táng", 1, 0, "Mẫu số 04 Phụ lục ban hành kèm Nghị định số 20/2021/NĐ-CP"),
   D("Bản sao giấy chứng tử/trích lục khai tử", 0, 1)],
  ["Cơ quan, tổ chức, gia đình hoặc cá nhân tổ chức mai táng nộp tờ khai tại UBND cấp xã.",
   "UBND cấp xã kiểm tra, xác nhận và gửi Phòng LĐ-TB&XH.",
   "Phòng LĐ-TB&XH thẩm định, trình Chủ tịch UBND cấp huyện quyết định hỗ trợ.",
   "Chi trả hỗ trợ chi phí mai táng cho người tổ chức mai táng."],
  "Quyết định hỗ trợ chi phí mai táng (mức tối thiểu bằng 20 lần mức chuẩn trợ giúp xã hội).",
  "Người chết là đối tượng đang hưởng trợ cấp xã hội hàng tháng, con của người đơn thân nghèo, người từ đủ 80 tuổi không có lương hưu, người thuộc hộ nghèo, cận nghèo…",
  ["Nghị định số 20/2021/NĐ-CP (Điều 11)", "Nghị định số 76/2024/NĐ-CP sửa đổi Nghị định số 20/2021/NĐ-CP"],
  ["mai táng phí", "tiền mai táng người hưởng trợ cấp", "ho tro mai tang", "chi phí ma chay"], "LD")

R("BG-GD-H01", "Tuyển sinh trung học cơ sở", "Giáo dục trung học", "huyen", "HUYEN",
  "Phòng Giáo dục và Đào tạo huyện, thành phố; các trường THCS", "Trưởng phòng Giáo dục và Đào tạo huyện, thành phố", "HUYEN",
  C("tt,tuyen", "Theo kế hoạch tuyển sinh hằng năm (thường nhận hồ sơ trong tháng 6 - 7, công bố kết quả trước 31/7)", None, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn/phiếu đăng ký dự tuyển vào lớp 6 (đăng ký trực tuyến trên hệ thống tuyển sinh của tỉnh)", 1, 0),
   D("Học bạ cấp tiểu học hoặc giấy xác nhận hoàn thành chương trình tiểu học", 1, 0),
   D("Bản sao giấy khai sinh; giấy xác nhận chế độ ưu tiên, khuyến khích (nếu có)", 0, 1)],
  ["Cha mẹ học sinh đăng ký tuyển sinh trực tuyến hoặc nộp hồ sơ tại trường THCS theo tuyến.",
   "Trường THCS tiếp nhận, xét tuyển theo kế hoạch được Phòng GD&ĐT phê duyệt.",
   "Phòng GD&ĐT phê duyệt danh sách trúng tuyển; nhà trường công bố kết quả và tiếp nhận học sinh nhập học."],
  "Danh sách học sinh trúng tuyển vào lớp 6.",
  "Học sinh đã hoàn thành chương trình tiểu học, trong độ tuổi quy định (11 tuổi), cư trú trong địa bàn tuyển sinh.",
  ["Luật Giáo dục số 43/2019/QH14", "Thông tư số 30/2024/TT-BGDĐT ban hành Quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông", "Kế hoạch tuyển sinh hằng năm của UBND tỉnh Bắc Giang"],
  ["tuyển sinh lớp 6", "xin học lớp 6", "tuyen sinh thcs", "vào lớp 6 cần giấy tờ gì"], "GD")

R("BG-GD-H02", "Chuyển trường đối với học sinh trung học cơ sở", "Giáo dục trung học", "huyen", "HUYEN",
  "Phòng Giáo dục và Đào tạo huyện, thành phố; trường THCS nơi đi và nơi đến", "Hiệu trưởng trường THCS nơi đến (Trưởng phòng GD&ĐT đối với chuyển trường khác huyện/tỉnh)", "HUYEN",
  C("tt", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ", 3, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn xin chuyển trường của cha mẹ hoặc người giám hộ", 1, 0),
   D("Học bạ (bản chính)", 1, 0),
   D("Giấy giới thiệu chuyển trường của Hiệu trưởng trường nơi đi (và của Phòng GD&ĐT nếu chuyển khác huyện, Sở GD&ĐT nếu chuyển khác tỉnh)", 1, 0),
   D("Bản sao giấy khai sinh; giấy xác nhận cư trú (nếu chuyển do thay đổi nơi cư trú)", 0, 1)],
  ["Cha mẹ học sinh nộp đơn tại trường nơi đến để được đồng ý tiếp nhận.",
   "Trường nơi đi cấp giấy giới thiệu chuyển trường, trả học bạ; Phòng GD&ĐT giới thiệu nếu chuyển ngoài huyện.",
   "Trường nơi đến tiếp nhận hồ sơ và xếp lớp cho học sinh."],
  "Học sinh được tiếp nhận vào học tại trường nơi đến.",
  "Học sinh chuyển nơi cư trú theo cha mẹ hoặc có hoàn cảnh đặc biệt; trường nơi đến còn chỉ tiêu. Thời điểm chuyển: trong hè hoặc kết thúc học kỳ I (trường hợp đặc biệt do Hiệu trưởng quyết định).",
  ["Thông tư số 50/2021/TT-BGDĐT sửa đổi Quy định chuyển trường và tiếp nhận học sinh học tại trường trung học cơ sở, trung học phổ thông (ban hành kèm Quyết định số 51/2002/QĐ-BGDĐT)"],
  ["chuyển trường cấp 2", "chuyển trường thcs", "chuyen truong cho con", "xin chuyển trường cho con lớp 7"], "GD")

R("BG-KN-H01", "Giải quyết khiếu nại lần đầu tại cấp huyện", "Giải quyết khiếu nại", "huyen", "HUYEN",
  "Thanh tra huyện, thành phố (tham mưu); Chủ tịch UBND huyện, thành phố", CT_HUYEN, "HUYEN",
  C("tt,bc", "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày (vùng sâu, vùng xa: 45 ngày, phức tạp không quá 60 ngày)", 30,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn khiếu nại hoặc bản ghi lời khiếu nại (ghi rõ ngày tháng, họ tên, địa chỉ, nội dung, lý do khiếu nại, yêu cầu giải quyết)", 1, 0),
   D("Tài liệu, chứng cứ liên quan (quyết định hành chính bị khiếu nại…)", 0, 1),
   D("Văn bản ủy quyền (nếu khiếu nại thông qua người đại diện)", 1, 0)],
  ["Người khiếu nại gửi đơn đến UBND cấp huyện trong thời hiệu 90 ngày kể từ ngày nhận được hoặc biết được quyết định, hành vi hành chính.",
   "Trong 10 ngày, Chủ tịch UBND cấp huyện thụ lý (hoặc thông báo không thụ lý, nêu rõ lý do).",
   "Thanh tra huyện xác minh nội dung khiếu nại; tổ chức đối thoại với người khiếu nại.",
   "Chủ tịch UBND cấp huyện ban hành quyết định giải quyết khiếu nại lần đầu, gửi người khiếu nại."],
  "Quyết định giải quyết khiếu nại lần đầu.",
  "Khiếu nại quyết định hành chính, hành vi hành chính của Chủ tịch UBND cấp huyện, của người đứng đầu cơ quan chuyên môn thuộc UBND cấp huyện; còn thời hiệu; chưa khởi kiện ra Tòa án.",
  ["Luật Khiếu nại số 02/2011/QH13", "Nghị định số 124/2020/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại", "Thông tư số 05/2021/TT-TTCP quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh"],
  ["khiếu nại lên huyện", "khieu nai cap huyen", "không đồng ý quyết định của huyện", "đơn khiếu nại"], "TTR")

R("BG-KN-H02", "Giải quyết tố cáo tại cấp huyện", "Giải quyết tố cáo", "huyen", "HUYEN",
  "Thanh tra huyện, thành phố", CT_HUYEN, "HUYEN",
  C("tt,bc", "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp có thể gia hạn một lần không quá 30 ngày (đặc biệt phức tạp gia hạn hai lần)", 30,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn tố cáo hoặc biên bản ghi nội dung tố cáo trực tiếp (ghi rõ họ tên, địa chỉ người tố cáo, nội dung tố cáo, người bị tố cáo)", 1, 0),
   D("Thông tin, tài liệu, chứng cứ kèm theo (nếu có)", 0, 1)],
  ["Người tố cáo gửi đơn hoặc tố cáo trực tiếp tại Ban tiếp công dân/Thanh tra cấp huyện.",
   "Trong 07 ngày làm việc, cơ quan có thẩm quyền thụ lý hoặc không thụ lý tố cáo; giữ bí mật thông tin người tố cáo.",
   "Xác minh nội dung tố cáo, báo cáo kết quả xác minh.",
   "Chủ tịch UBND cấp huyện ban hành kết luận nội dung tố cáo và xử lý hành vi vi phạm; thông báo cho người tố cáo."],
  "Kết luận nội dung tố cáo.",
  "Tố cáo hành vi vi phạm pháp luật trong thực hiện nhiệm vụ, công vụ của cán bộ, công chức do UBND cấp huyện quản lý.",
  ["Luật Tố cáo số 25/2018/QH14", "Nghị định số 31/2019/NĐ-CP quy định chi tiết Luật Tố cáo"],
  ["tố cáo cán bộ xã", "to cao can bo", "đơn tố cáo tham nhũng"], "TTR")

R("BG-HTX-H01", "Đăng ký thành lập hợp tác xã", "Thành lập và hoạt động của hợp tác xã", "huyen", "HUYEN",
  "Phòng Tài chính - Kế hoạch huyện, thành phố", "Phòng Tài chính - Kế hoạch huyện, thành phố", "HUYEN",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 100.000 đồng/lần)", 100000),
  "toan_trinh",
  [D("Giấy đề nghị đăng ký hợp tác xã", 1, 0, "Mẫu ban hành kèm Thông tư số 09/2024/TT-BKHĐT"),
   D("Điều lệ hợp tác xã", 1, 0),
   D("Phương án sản xuất, kinh doanh", 1, 0),
   D("Danh sách thành viên; danh sách Hội đồng quản trị, giám đốc, Ban kiểm soát", 1, 0),
   D("Nghị quyết hội nghị thành lập hợp tác xã", 1, 0)],
  ["Người đại diện nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp huyện nơi đặt trụ sở chính.",
   "Phòng Tài chính - Kế hoạch kiểm tra hồ sơ, tên hợp tác xã.",
   "Cấp Giấy chứng nhận đăng ký hợp tác xã; chuyển thông tin sang cơ quan thuế."],
  "Giấy chứng nhận đăng ký hợp tác xã.",
  "Có ít nhất 05 thành viên chính thức; ngành nghề không bị cấm; tên hợp tác xã theo quy định; hồ sơ hợp lệ.",
  ["Luật Hợp tác xã số 17/2023/QH15", "Nghị định số 92/2024/NĐ-CP về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã", "Thông tư số 09/2024/TT-BKHĐT"],
  ["thành lập hợp tác xã", "htx", "dang ky hop tac xa", "mở hợp tác xã nông nghiệp"], "KHDT")

R("BG-MT-H01", "Cấp giấy phép môi trường cấp huyện", "Môi trường", "huyen", "HUYEN",
  "Phòng Tài nguyên và Môi trường huyện, thành phố", CT_HUYEN, "HUYEN",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian chủ dự án chỉnh sửa)", 15,
    "Phí thẩm định: theo Nghị quyết HĐND tỉnh Bắc Giang", None),
  "mot_phan",
  [D("Văn bản đề nghị cấp giấy phép môi trường", 1, 0, "Mẫu số 01 Phụ lục XII ban hành kèm Nghị định số 08/2022/NĐ-CP"),
   D("Báo cáo đề xuất cấp giấy phép môi trường", 1, 0, "Mẫu theo Phụ lục IX, X Nghị định số 08/2022/NĐ-CP"),
   D("Bản sao báo cáo nghiên cứu khả thi/tài liệu tương đương", 0, 1)],
  ["Chủ dự án, cơ sở nộp hồ sơ tại Bộ phận Một cửa UBND cấp huyện.",
   "Phòng Tài nguyên và Môi trường kiểm tra hồ sơ, tổ chức kiểm tra thực tế (nếu cần), lấy ý kiến UBND cấp xã.",
   "Chủ tịch UBND cấp huyện cấp giấy phép môi trường."],
  "Giấy phép môi trường (thời hạn 07 - 10 năm).",
  "Dự án nhóm III phát sinh nước thải, bụi, khí thải phải xử lý, trên địa bàn 01 huyện, không thuộc thẩm quyền của Bộ TN&MT, UBND tỉnh.",
  ["Luật Bảo vệ môi trường số 72/2020/QH14 (Điều 39 - 47)", "Nghị định số 08/2022/NĐ-CP", "Thông tư số 02/2022/TT-BTNMT"],
  ["giấy phép môi trường", "gpmt", "giay phep moi truong cap huyen", "xưởng sản xuất cần giấy phép môi trường"], "TNMT")


# =========================================================================== SỞ TƯ PHÁP
STP = "Sở Tư pháp tỉnh Bắc Giang"
LLTP_CC = ["Luật Lý lịch tư pháp số 28/2009/QH12", "Nghị định số 111/2010/NĐ-CP quy định chi tiết một số điều của Luật Lý lịch tư pháp",
           "Thông tư số 06/2024/TT-BTP ban hành biểu mẫu và hướng dẫn sử dụng biểu mẫu lý lịch tư pháp",
           "Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp phí cung cấp thông tin lý lịch tư pháp"]

R("BG-LLTP-001", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp người được cấp là công dân Việt Nam đã cư trú ở nhiều nơi hoặc có thời gian cư trú ở nước ngoài, hoặc phải xác minh về điều kiện đương nhiên được xóa án tích: không quá 15 ngày", 10,
    "Phí: 200.000 đồng/lần/người; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; từ Phiếu thứ 3 trở đi: 5.000 đồng/Phiếu; miễn phí cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo, người cư trú ở xã đặc biệt khó khăn", 200000,
    on_note="Có thể yêu cầu cấp Phiếu qua ứng dụng VNeID (tài khoản định danh mức 2), không cần nộp bản chụp giấy tờ tùy thân; nhận Phiếu bản điện tử hoặc bản giấy qua bưu chính."),
  "toan_trinh",
  [D("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0, "Mẫu số 03/2024/LLTP (Phiếu số 1) hoặc Mẫu số 04/2024/LLTP (ủy quyền) ban hành kèm Thông tư số 06/2024/TT-BTP"),
   D("Bản chụp thẻ căn cước/căn cước công dân hoặc hộ chiếu của người được cấp Phiếu", 0, 1),
   D("Văn bản ủy quyền có chứng thực (nếu ủy quyền làm thủ tục yêu cầu cấp Phiếu số 1; không cần nếu người được ủy quyền là cha, mẹ, vợ, chồng, con)", 1, 0),
   D("Giấy tờ chứng minh thuộc đối tượng miễn, giảm phí (nếu có)", 0, 1)],
  ["Người yêu cầu nộp Tờ khai tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Tư pháp) nơi thường trú/tạm trú, trực tuyến hoặc qua bưu chính.",
   "Sở Tư pháp tiếp nhận, kiểm tra hồ sơ và thu phí; tra cứu Cơ sở dữ liệu lý lịch tư pháp.",
   "Gửi văn bản đề nghị tra cứu thông tin về án tích tới Công an tỉnh (Phòng Hồ sơ nghiệp vụ), Tòa án, Trung tâm Lý lịch tư pháp quốc gia khi cần.",
   "Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp; trả kết quả trực tiếp, qua bưu chính hoặc bản điện tử."],
  "Phiếu lý lịch tư pháp số 1 (cấp cho cá nhân) hoặc Phiếu số 2 (cấp cho cá nhân để biết nội dung lý lịch tư pháp của mình, không được ủy quyền).",
  "Công dân Việt Nam thường trú, tạm trú trong tỉnh (hoặc có nơi cư trú cuối cùng tại tỉnh trước khi xuất cảnh). Phiếu số 2 chỉ cấp trực tiếp cho người được cấp, không được ủy quyền.",
  LLTP_CC,
  ["lý lịch tư pháp", "lltp", "phiếu lý lịch tư pháp", "ly lich tu phap", "xin lý lịch tư pháp đi xuất khẩu lao động", "giấy không tiền án tiền sự"], "TP")

R("BG-LLTP-002", "Cấp Phiếu lý lịch tư pháp cho người nước ngoài đang cư trú tại Việt Nam", "Lý lịch tư pháp", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc; trường hợp phải xác minh về điều kiện đương nhiên được xóa án tích không quá 15 ngày", 10,
    "Phí: 200.000 đồng/lần/người; từ Phiếu thứ 3 trở đi 5.000 đồng/Phiếu", 200000),
  "toan_trinh",
  [D("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0, "Mẫu số 03/2024/LLTP ban hành kèm Thông tư số 06/2024/TT-BTP"),
   D("Bản chụp hộ chiếu, thẻ thường trú hoặc thẻ tạm trú của người nước ngoài", 0, 1)],
  ["Người nước ngoài nộp hồ sơ tại Sở Tư pháp nơi cư trú.",
   "Sở Tư pháp tra cứu Cơ sở dữ liệu lý lịch tư pháp và thông tin án tích.",
   "Giám đốc Sở Tư pháp ký cấp Phiếu; trả kết quả."],
  "Phiếu lý lịch tư pháp.",
  "Người nước ngoài đang cư trú tại tỉnh Bắc Giang (có thẻ thường trú/tạm trú).",
  LLTP_CC,
  ["lý lịch tư pháp người nước ngoài", "lltp cho người nước ngoài", "criminal record certificate"], "TP")

R("BG-TP-003", "Đăng ký hành nghề và cấp Thẻ công chứng viên", "Công chứng", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10, "Lệ phí cấp thẻ công chứng viên: 100.000 đồng/thẻ", 100000),
  "mot_phan",
  [D("Giấy đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên của tổ chức hành nghề công chứng", 1, 0, "Mẫu ban hành kèm Thông tư số 01/2021/TT-BTP"),
   D("Quyết định bổ nhiệm/bổ nhiệm lại công chứng viên", 0, 1),
   D("Ảnh chân dung 2x3 cm", 1, 0)],
  ["Tổ chức hành nghề công chứng nộp hồ sơ tại Sở Tư pháp.",
   "Sở Tư pháp kiểm tra hồ sơ.",
   "Giám đốc Sở Tư pháp đăng ký hành nghề và cấp Thẻ công chứng viên."],
  "Thẻ công chứng viên.",
  "Công chứng viên đã được bổ nhiệm, hành nghề tại Văn phòng công chứng/Phòng công chứng trên địa bàn tỉnh; đã tham gia bảo hiểm trách nhiệm nghề nghiệp.",
  ["Luật Công chứng số 53/2014/QH13 (Luật Công chứng số 46/2024/QH15 từ 01/7/2025)", "Nghị định số 29/2015/NĐ-CP", "Thông tư số 01/2021/TT-BTP"],
  ["thẻ công chứng viên", "the cong chung vien", "đăng ký hành nghề công chứng"], "TP")

R("BG-TP-004", "Đăng ký hoạt động của Văn phòng công chứng", "Công chứng", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10, "Lệ phí: 1.000.000 đồng/lần đăng ký", 1000000),
  "mot_phan",
  [D("Đơn đề nghị đăng ký hoạt động Văn phòng công chứng", 1, 0, "Mẫu ban hành kèm Thông tư số 01/2021/TT-BTP"),
   D("Quyết định cho phép thành lập Văn phòng công chứng của UBND tỉnh", 0, 1),
   D("Giấy tờ chứng minh trụ sở (hợp đồng thuê, giấy chứng nhận quyền sử dụng)", 0, 1),
   D("Hồ sơ đăng ký hành nghề của công chứng viên", 1, 0)],
  ["Văn phòng công chứng đã được cho phép thành lập nộp hồ sơ tại Sở Tư pháp trong 90 ngày kể từ ngày có quyết định.",
   "Sở Tư pháp kiểm tra hồ sơ và trụ sở.",
   "Giám đốc Sở Tư pháp cấp Giấy đăng ký hoạt động."],
  "Giấy đăng ký hoạt động Văn phòng công chứng.",
  "Đã có quyết định cho phép thành lập của UBND tỉnh; có trụ sở đáp ứng điều kiện.",
  ["Luật Công chứng số 53/2014/QH13", "Nghị định số 29/2015/NĐ-CP", "Thông tư số 257/2016/TT-BTC quy định phí công chứng, lệ phí"],
  ["văn phòng công chứng", "mở văn phòng công chứng", "dang ky hoat dong van phong cong chung"], "TP")

R("BG-TP-005", "Cấp Giấy đăng ký hoạt động của tổ chức hành nghề luật sư", "Luật sư", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10, "Lệ phí: 100.000 đồng/giấy đăng ký", 100000),
  "mot_phan",
  [D("Giấy đề nghị đăng ký hoạt động của tổ chức hành nghề luật sư", 1, 0, "Mẫu TP-LS-03 ban hành kèm Thông tư số 05/2021/TT-BTP"),
   D("Dự thảo Điều lệ (đối với công ty luật)", 1, 0),
   D("Bản sao Chứng chỉ hành nghề luật sư, Thẻ luật sư của luật sư thành lập", 0, 1),
   D("Giấy tờ chứng minh trụ sở", 0, 1)],
  ["Luật sư thành lập văn phòng luật sư/công ty luật nộp hồ sơ tại Sở Tư pháp nơi có Đoàn luật sư mà mình là thành viên.",
   "Sở Tư pháp kiểm tra hồ sơ.",
   "Giám đốc Sở Tư pháp cấp Giấy đăng ký hoạt động."],
  "Giấy đăng ký hoạt động của văn phòng luật sư/công ty luật.",
  "Luật sư thành lập có ít nhất 02 năm hành nghề liên tục làm việc theo hợp đồng lao động cho tổ chức hành nghề luật sư hoặc hành nghề với tư cách cá nhân.",
  ["Luật Luật sư số 65/2006/QH11 (sửa đổi 2012)", "Nghị định số 123/2013/NĐ-CP", "Thông tư số 05/2021/TT-BTP"],
  ["mở văn phòng luật sư", "thành lập công ty luật", "dang ky hoat dong to chuc hanh nghe luat su"], "TP")

R("BG-TP-006", "Cấp Giấy chứng nhận đăng ký hoạt động của doanh nghiệp đấu giá tài sản", "Đấu giá tài sản", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 7, "Phí thẩm định: 1.000.000 đồng/hồ sơ", 1000000),
  "mot_phan",
  [D("Đơn đề nghị đăng ký hoạt động doanh nghiệp đấu giá tài sản", 1, 0, "Mẫu TP-ĐGTS-04 ban hành kèm Thông tư số 06/2017/TT-BTP"),
   D("Điều lệ công ty (đối với công ty hợp danh)", 0, 1),
   D("Chứng chỉ hành nghề đấu giá của chủ doanh nghiệp, đấu giá viên", 0, 1),
   D("Giấy tờ chứng minh trụ sở", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ tại Sở Tư pháp nơi đặt trụ sở.",
   "Sở Tư pháp kiểm tra hồ sơ, điều kiện.",
   "Giám đốc Sở Tư pháp cấp Giấy đăng ký hoạt động."],
  "Giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản.",
  "Chủ doanh nghiệp tư nhân/thành viên hợp danh kiêm Tổng giám đốc là đấu giá viên; có trụ sở, cơ sở vật chất bảo đảm cho hoạt động đấu giá.",
  ["Luật Đấu giá tài sản số 01/2016/QH14 (sửa đổi bởi Luật số 37/2024/QH15)", "Nghị định số 62/2017/NĐ-CP", "Thông tư số 06/2017/TT-BTP"],
  ["công ty đấu giá", "doanh nghiệp đấu giá tài sản", "dang ky hoat dong dau gia"], "TP")

R("BG-TP-007", "Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước", "Quốc tịch", "tinh", "SO_TU_PHAP",
  STP, "Giám đốc Sở Tư pháp", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh không quá 30 ngày", 5,
    "Phí: 100.000 đồng/trường hợp", 100000),
  "mot_phan",
  [D("Tờ khai xác nhận có quốc tịch Việt Nam", 1, 0, "Mẫu TP/QT-2020-TKXNCQT ban hành kèm Thông tư số 02/2020/TT-BTP"),
   D("Bản sao giấy tờ chứng minh nhân thân, quốc tịch Việt Nam trước đây (giấy khai sinh, hộ chiếu, quyết định nhập quốc tịch…)", 0, 1),
   D("02 ảnh 4x6 chụp chưa quá 06 tháng", 2, 0)],
  ["Người yêu cầu nộp hồ sơ tại Sở Tư pháp nơi cư trú.",
   "Sở Tư pháp tra cứu, xác minh thông tin quốc tịch.",
   "Giám đốc Sở Tư pháp cấp Giấy xác nhận có quốc tịch Việt Nam."],
  "Giấy xác nhận có quốc tịch Việt Nam.",
  "Người có đủ căn cứ xác định có quốc tịch Việt Nam theo Luật Quốc tịch Việt Nam.",
  ["Luật Quốc tịch Việt Nam số 24/2008/QH12 (sửa đổi 2014)", "Nghị định số 16/2020/NĐ-CP", "Thông tư số 02/2020/TT-BTP", "Thông tư số 281/2016/TT-BTC"],
  ["xác nhận quốc tịch", "giấy xác nhận quốc tịch việt nam", "xac nhan co quoc tich"], "TP")

R("BG-TP-008", "Cấp Thẻ giám định viên tư pháp", "Giám định tư pháp", "tinh", "SO_TU_PHAP",
  STP, "Chủ tịch UBND tỉnh (bổ nhiệm, cấp thẻ theo đề nghị của Giám đốc Sở Tư pháp)", "TINH",
  C("tt,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 20, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị bổ nhiệm giám định viên tư pháp của cơ quan quản lý chuyên ngành", 1, 0),
   D("Bản sao văn bằng đại học phù hợp với lĩnh vực giám định; giấy xác nhận thời gian hoạt động thực tế chuyên môn", 0, 1),
   D("Sơ yếu lý lịch và Phiếu lý lịch tư pháp; 02 ảnh 2x3", 1, 0)],
  ["Cơ quan chuyên môn gửi hồ sơ đề nghị bổ nhiệm đến Sở Tư pháp.",
   "Sở Tư pháp thẩm định hồ sơ, trình Chủ tịch UBND tỉnh.",
   "Chủ tịch UBND tỉnh quyết định bổ nhiệm và cấp Thẻ giám định viên tư pháp."],
  "Quyết định bổ nhiệm và Thẻ giám định viên tư pháp.",
  "Có trình độ đại học trở lên, đã qua thực tế hoạt động chuyên môn từ đủ 05 năm; có phẩm chất đạo đức tốt.",
  ["Luật Giám định tư pháp số 13/2012/QH13 (sửa đổi 2020)", "Nghị định số 85/2013/NĐ-CP (sửa đổi bởi Nghị định số 157/2020/NĐ-CP)"],
  ["giám định viên tư pháp", "the giam dinh vien"], "TP")


# =========================================================================== CÔNG AN TỈNH
CA_CT = "Công an xã, phường, thị trấn; Công an huyện, thành phố nơi không có đơn vị hành chính cấp xã"
CA_CC = "Đội Cảnh sát quản lý hành chính về trật tự xã hội Công an huyện, thành phố; Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh"

R("1.004222", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", "huyen", "CONG_AN", CA_CT,
  "Trưởng Công an cấp xã (cơ quan đăng ký cư trú)", "CA_XA",
  C("tt,tuyen", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 7,
    "Lệ phí: 20.000 đồng/lần đăng ký (nộp trực tuyến: 10.000 đồng); miễn cho trẻ em, người có công, hộ nghèo, đồng bào dân tộc thiểu số ở xã đặc biệt khó khăn…", 20000,
    on_phi="Lệ phí: 10.000 đồng/lần đăng ký khi nộp trực tuyến", on_vnd=10000),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú (có ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp nếu đăng ký vào chỗ ở không thuộc sở hữu của mình)", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA"),
   D("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (Giấy chứng nhận quyền sử dụng đất, hợp đồng mua bán, hợp đồng thuê/mượn/ở nhờ…) — không cần nếu thông tin đã có trong cơ sở dữ liệu", 0, 1),
   D("Giấy tờ chứng minh quan hệ nhân thân với chủ hộ (nếu đăng ký theo diện nhập hộ với người thân, không cần nếu đã có trong Cơ sở dữ liệu quốc gia về dân cư)", 0, 1),
   D("Giấy tờ chứng minh đủ diện tích nhà ở tối thiểu theo quy định của HĐND tỉnh (khi đăng ký tại chỗ ở thuê, mượn, ở nhờ)", 0, 1)],
  ["Công dân nộp hồ sơ tại Công an cấp xã nơi có chỗ ở hợp pháp hoặc trực tuyến qua Cổng Dịch vụ công/VNeID.",
   "Cơ quan đăng ký cư trú kiểm tra, cấp phiếu tiếp nhận; hướng dẫn bổ sung nếu hồ sơ chưa đủ.",
   "Thẩm định, xác minh (nếu cần) và cập nhật thông tin nơi thường trú mới vào Cơ sở dữ liệu về cư trú.",
   "Thông báo kết quả đăng ký thường trú cho công dân (không cấp sổ hộ khẩu; có thể tra cứu trên VNeID)."],
  "Thông tin nơi thường trú được cập nhật trong Cơ sở dữ liệu về cư trú; thông báo kết quả (văn bản hoặc điện tử).",
  "Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình; hoặc được chủ hộ, chủ sở hữu đồng ý cho đăng ký theo các trường hợp nhập hộ (vợ về ở với chồng, con về ở với cha mẹ…); hoặc thuê, mượn, ở nhờ bảo đảm diện tích tối thiểu. Không được đăng ký tại chỗ ở trong khu vực cấm, lấn chiếm hành lang bảo vệ, đã có quyết định thu hồi…",
  CU_TRU,
  ["nhập hộ khẩu", "đăng ký hộ khẩu", "chuyển hộ khẩu", "dang ky thuong tru", "hộ khẩu thường trú", "nhap khau"], "BCA", online="ca")

R("1.004194", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT,
  "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: 15.000 đồng/lần đăng ký (nộp trực tuyến: 7.000 đồng)", 15000,
    on_phi="Lệ phí: 7.000 đồng/lần đăng ký khi nộp trực tuyến", on_vnd=7000),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú (có ý kiến đồng ý của chủ hộ/chủ sở hữu chỗ ở nếu thuê, mượn, ở nhờ)", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA"),
   D("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà, văn bản cho ở nhờ…) — không cần nếu đã có thông tin trong cơ sở dữ liệu", 0, 1)],
  ["Người đến sinh sống, làm việc, học tập ngoài nơi thường trú từ 30 ngày trở lên nộp hồ sơ tại Công an cấp xã nơi tạm trú hoặc trực tuyến.",
   "Công an cấp xã kiểm tra, tiếp nhận hồ sơ.",
   "Cập nhật thông tin nơi tạm trú (thời hạn tạm trú tối đa 02 năm, có thể gia hạn nhiều lần) vào Cơ sở dữ liệu về cư trú.",
   "Thông báo kết quả đăng ký tạm trú cho công dân."],
  "Thông tin tạm trú được cập nhật trong Cơ sở dữ liệu về cư trú; thông báo kết quả.",
  "Có chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi thường trú; sinh sống từ 30 ngày trở lên. Sinh viên, người lao động ở trọ, ở ký túc xá đều phải đăng ký tạm trú.",
  CU_TRU,
  ["đăng ký tạm trú", "tạm trú", "dang ky tam tru", "khai báo tạm trú cho người thuê trọ", "sổ tạm trú", "kt3"], "BCA", online="ca")

R("1.002755", "Gia hạn tạm trú", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: 15.000 đồng/lần (nộp trực tuyến: 7.000 đồng)", 15000, on_phi="Lệ phí: 7.000 đồng/lần khi nộp trực tuyến", on_vnd=7000),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA"),
   D("Giấy tờ chứng minh chỗ ở hợp pháp (nếu có thay đổi so với lần đăng ký trước)", 0, 1)],
  ["Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú, công dân nộp hồ sơ gia hạn tại Công an cấp xã nơi tạm trú.",
   "Công an cấp xã kiểm tra, tiếp nhận.",
   "Cập nhật thời hạn tạm trú mới vào Cơ sở dữ liệu về cư trú và thông báo cho công dân."],
  "Thời hạn tạm trú được gia hạn trong Cơ sở dữ liệu về cư trú.",
  "Công dân đã đăng ký tạm trú và tiếp tục sinh sống tại chỗ ở đó khi hết thời hạn tạm trú.",
  CU_TRU,
  ["gia hạn tạm trú", "gia han tam tru", "tạm trú hết hạn"], "BCA", online="ca")

R("1.003197", "Xóa đăng ký thường trú", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 1, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA"),
   D("Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú (trích lục khai tử, quyết định tuyên bố mất tích, giấy tờ xuất cảnh định cư…)", 0, 1)],
  ["Người thuộc diện xóa thường trú hoặc đại diện hộ gia đình nộp hồ sơ trong 07 ngày kể từ ngày có căn cứ xóa (trừ trường hợp cơ quan tự xóa).",
   "Công an cấp xã kiểm tra, tiếp nhận.",
   "Xóa đăng ký thường trú trong Cơ sở dữ liệu về cư trú, thông báo cho người yêu cầu."],
  "Thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú.",
  "Người đã chết, bị tuyên bố mất tích; ra nước ngoài định cư; vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên không đăng ký tạm trú nơi khác; đã đăng ký thường trú ở nơi khác (tự động xóa)…",
  CU_TRU,
  ["xóa hộ khẩu", "cắt khẩu", "xoa dang ky thuong tru", "xóa hộ khẩu người đã mất"], "BCA", online="ca")

R("1.010028", "Xóa đăng ký tạm trú", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 1, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA"),
   D("Giấy tờ chứng minh thuộc trường hợp xóa đăng ký tạm trú (nếu có)", 0, 1)],
  ["Người thuộc diện xóa tạm trú hoặc chủ hộ nộp hồ sơ tại Công an cấp xã nơi tạm trú.",
   "Công an cấp xã kiểm tra, xóa đăng ký tạm trú trong Cơ sở dữ liệu về cư trú.",
   "Thông báo kết quả cho người yêu cầu."],
  "Thông tin tạm trú được xóa.",
  "Chấm dứt việc tạm trú tại chỗ ở; vắng mặt liên tục 06 tháng trở lên; đã đăng ký thường trú tại chính nơi tạm trú…",
  CU_TRU,
  ["xóa tạm trú", "xoa dang ky tam tru", "chuyển trọ xóa tạm trú"], "BCA", online="ca")

R("BG-CA-006", "Tách hộ", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
    "Lệ phí: 10.000 đồng/lần (nộp trực tuyến: 5.000 đồng)", 10000, on_phi="Lệ phí: 5.000 đồng/lần khi nộp trực tuyến", on_vnd=5000),
  "toan_trinh",
  [D("Tờ khai thay đổi thông tin cư trú (ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp)", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA")],
  ["Người yêu cầu tách hộ nộp hồ sơ tại Công an cấp xã nơi thường trú.",
   "Công an cấp xã kiểm tra điều kiện tách hộ.",
   "Cập nhật thông tin hộ gia đình mới vào Cơ sở dữ liệu về cư trú, thông báo kết quả."],
  "Thông tin hộ gia đình mới (chủ hộ mới) được cập nhật trong Cơ sở dữ liệu về cư trú.",
  "Người tách hộ có năng lực hành vi dân sự đầy đủ, cùng thường trú tại một chỗ ở hợp pháp; được chủ hộ, chủ sở hữu đồng ý (trừ trường hợp ly hôn tiếp tục ở chỗ ở đó).",
  CU_TRU,
  ["tách khẩu", "tách hộ khẩu", "tach ho", "làm chủ hộ riêng"], "BCA", online="ca")

R("BG-CA-007", "Khai báo tạm vắng", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Trưởng Công an cấp xã", "CA_XA",
  C("tt,tuyen", "01 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (có thể kéo dài không quá 02 ngày làm việc)", 1, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Đề nghị khai báo tạm vắng", 1, 0, "Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA")],
  ["Người thuộc diện khai báo tạm vắng (hoặc người đại diện) nộp đề nghị tại Công an cấp xã nơi cư trú.",
   "Công an cấp xã kiểm tra, cập nhật thông tin tạm vắng.",
   "Thông báo kết quả khai báo tạm vắng."],
  "Thông tin khai báo tạm vắng được cập nhật trong Cơ sở dữ liệu về cư trú.",
  "Bị can, bị cáo tại ngoại, người chấp hành án treo, người đang bị quản chế… đi khỏi nơi cư trú từ 01 ngày trở lên; người trong độ tuổi nghĩa vụ quân sự đi khỏi huyện từ 03 tháng trở lên; người đi khỏi nơi thường trú từ 12 tháng trở lên.",
  CU_TRU,
  ["khai báo tạm vắng", "tam vang", "đi làm xa khai báo tạm vắng"], "BCA", online="ca")

R("BG-CA-008", "Thông báo lưu trú", "Đăng ký, quản lý cư trú", "xa,huyen", "CONG_AN", CA_CT, "Công an cấp xã", "CA_XA",
  C("tt,tuyen", "Tiếp nhận ngay khi thông báo (trước 23 giờ trong ngày; người đến sau 23 giờ thì thông báo trước 08 giờ sáng hôm sau)", None, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Thông tin người lưu trú (họ tên, số định danh cá nhân, thời gian lưu trú) thông báo trực tiếp, qua điện thoại, ứng dụng VNeID hoặc phần mềm quản lý lưu trú", 1, 0)],
  ["Thành viên hộ gia đình, người đại diện cơ sở lưu trú (nhà nghỉ, khách sạn, nhà trọ…) thông báo cho Công an cấp xã khi có người đến lưu trú.",
   "Công an cấp xã tiếp nhận, ghi nhận vào sổ/hệ thống thông tin lưu trú.",
   "Công an cấp xã kiểm tra, đối chiếu thông tin khi cần."],
  "Thông tin lưu trú được ghi nhận.",
  "Người đến lưu trú dưới 30 ngày tại chỗ ở không phải nơi thường trú, tạm trú của mình.",
  CU_TRU,
  ["khai báo lưu trú", "thông báo lưu trú khách", "bao luu tru nha nghi", "khách ở qua đêm khai báo"], "BCA", online="ca")

R("BG-CC-001", "Cấp thẻ Căn cước công dân", "Cấp, quản lý căn cước", "huyen", "CONG_AN", CA_CC,
  "Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an", "CA_HUYEN",
  C("tt,tuyen", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định", 7,
    "Miễn lệ phí đối với công dân cấp thẻ lần đầu (công dân từ đủ 14 tuổi; người dưới 14 tuổi cấp theo nhu cầu)", 0,
    note="Công dân trực tiếp đến để thu nhận ảnh chân dung, vân tay, mống mắt; có thể thu nhận lưu động tại Công an cấp xã.",
    on_note="Đăng ký trực tuyến và đặt lịch hẹn; công dân vẫn phải đến nơi làm thủ tục để thu nhận sinh trắc học."),
  "mot_phan",
  [D("Tờ khai căn cước (khi thông tin chưa có hoặc có thay đổi trong Cơ sở dữ liệu quốc gia về dân cư; với người dưới 14 tuổi do cha, mẹ, người giám hộ khai)", 1, 0, "Mẫu CC01 ban hành kèm Thông tư số 17/2024/TT-BCA"),
   D("Giấy tờ hợp pháp chứng minh thông tin cần điều chỉnh trong Cơ sở dữ liệu quốc gia về dân cư (nếu có)", 0, 1)],
  ["Công dân đến Công an cấp huyện (hoặc địa điểm thu nhận lưu động do Công an tỉnh tổ chức) nơi cư trú; cán bộ tra cứu thông tin trong Cơ sở dữ liệu quốc gia về dân cư.",
   "Thu nhận thông tin nhân dạng và sinh trắc học (ảnh chân dung, vân tay, mống mắt); công dân kiểm tra, ký xác nhận Phiếu thu nhận thông tin căn cước.",
   "Cấp giấy hẹn trả thẻ; hồ sơ chuyển Trung tâm dữ liệu quốc gia về dân cư - Bộ Công an để sản xuất thẻ.",
   "Trả thẻ tại nơi làm thủ tục hoặc qua bưu chính theo yêu cầu (kèm kích hoạt tài khoản định danh điện tử mức 2 nếu đăng ký)."],
  "Thẻ căn cước gắn chíp điện tử (từ 01/7/2024 theo Luật Căn cước 2023, thẻ Căn cước công dân còn hạn vẫn có giá trị đến hết thời hạn ghi trên thẻ).",
  "Công dân Việt Nam từ đủ 14 tuổi phải làm thủ tục cấp thẻ; người dưới 14 tuổi được cấp theo nhu cầu (dưới 06 tuổi không thu nhận vân tay, mống mắt). Từ 01/7/2024 thủ tục cấp thẻ Căn cước công dân được thực hiện theo thủ tục cấp thẻ căn cước.",
  CAN_CUOC + ["Luật Căn cước công dân số 59/2014/QH13 (hết hiệu lực từ 01/7/2024)"],
  ["làm căn cước", "cccd", "làm căn cước công dân lần đầu", "lam can cuoc", "thẻ căn cước gắn chip", "căn cước cho con 14 tuổi"], "BCA", online="ca")

R("BG-CC-002", "Cấp đổi thẻ Căn cước công dân", "Cấp, quản lý căn cước", "huyen", "CONG_AN", CA_CC,
  "Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an", "CA_HUYEN",
  C("tt,tuyen", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ", 7,
    "Lệ phí cấp đổi: 50.000 đồng/thẻ (miễn khi đổi ở tuổi 25, 40, 60 trong thời hạn; do lỗi của cơ quan quản lý; khi Nhà nước thay đổi địa giới hành chính)", 50000,
    note="Công dân đến trực tiếp để thu nhận lại ảnh, vân tay, mống mắt.",
    on_note="Đăng ký cấp đổi trực tuyến (nộp lệ phí trực tuyến) và đặt lịch hẹn; vẫn phải đến thu nhận sinh trắc học."),
  "mot_phan",
  [D("Tờ khai căn cước (nếu thông tin thay đổi)", 1, 0, "Mẫu CC01 ban hành kèm Thông tư số 17/2024/TT-BCA"),
   D("Thẻ căn cước công dân/thẻ căn cước đang sử dụng (nộp lại)", 1, 0),
   D("Giấy tờ chứng minh thông tin thay đổi (nếu đổi do thay đổi thông tin nhân thân, xác định lại giới tính…)", 0, 1)],
  ["Công dân đến Công an cấp huyện hoặc điểm thu nhận; cán bộ tra cứu thông tin trong Cơ sở dữ liệu quốc gia về dân cư.",
   "Thu nhận lại ảnh, vân tay, mống mắt; thu lại thẻ cũ.",
   "Nộp lệ phí (nếu có), nhận giấy hẹn.",
   "Nhận thẻ căn cước mới trực tiếp hoặc qua bưu chính."],
  "Thẻ căn cước (cấp đổi).",
  "Công dân đủ 14, 25, 40, 60 tuổi (đổi trong 01 năm trước các mốc tuổi); thẻ bị hư hỏng; thay đổi thông tin nhân thân, ảnh khuôn mặt; xác định lại giới tính, cải chính hộ tịch; có sai sót thông tin trên thẻ; theo yêu cầu của công dân.",
  CAN_CUOC,
  ["đổi căn cước", "đổi cccd", "doi can cuoc 25 tuoi", "cccd hết hạn", "đổi thẻ căn cước khi đủ 40 tuổi"], "BCA", online="ca")

R("BG-CC-003", "Cấp lại thẻ Căn cước công dân", "Cấp, quản lý căn cước", "huyen", "CONG_AN", CA_CC,
  "Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an", "CA_HUYEN",
  C("tt,tuyen", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ", 7,
    "Lệ phí cấp lại: 70.000 đồng/thẻ (miễn cho người có công, thân nhân liệt sĩ, hộ nghèo, người dưới 14 tuổi, đồng bào dân tộc thiểu số ở xã đặc biệt khó khăn)", 70000),
  "mot_phan",
  [D("Tờ khai căn cước (nếu thông tin có thay đổi)", 1, 0, "Mẫu CC01 ban hành kèm Thông tư số 17/2024/TT-BCA")],
  ["Công dân bị mất thẻ có thể khóa căn cước điện tử/báo mất trên VNeID, sau đó đến Công an cấp huyện hoặc điểm thu nhận.",
   "Cán bộ tra cứu thông tin, thu nhận ảnh chân dung, vân tay, mống mắt.",
   "Công dân nộp lệ phí, nhận giấy hẹn.",
   "Nhận thẻ căn cước cấp lại trực tiếp hoặc qua bưu chính."],
  "Thẻ căn cước (cấp lại).",
  "Thẻ căn cước/căn cước công dân bị mất hoặc bị hư hỏng không sử dụng được; được trở lại quốc tịch Việt Nam.",
  CAN_CUOC,
  ["mất căn cước", "mất cccd", "làm lại căn cước", "mat can cuoc lam lai", "cấp lại cccd bị mất"], "BCA", online="ca")

R("BG-XNC-001", "Cấp hộ chiếu phổ thông", "Quản lý xuất nhập cảnh", "tinh", "CONG_AN",
  "Phòng Quản lý xuất nhập cảnh - Công an tỉnh Bắc Giang", "Cục Quản lý xuất nhập cảnh - Bộ Công an", "CA_XNC",
  C("tt,tuyen,bc", "08 ngày làm việc kể từ ngày nhận đủ hồ sơ (cấp lần đầu tại Công an tỉnh); trường hợp cấp lại do bị mất: 08 ngày làm việc, cần xác minh không quá 15 ngày", 8,
    "Lệ phí: 200.000 đồng/hộ chiếu (cấp mới, cả loại có gắn chíp điện tử); cấp lại do bị hư hỏng hoặc bị mất: 400.000 đồng", 200000,
    on_note="Nộp trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia hoặc Cổng Dịch vụ công Bộ Công an (tài khoản định danh mức 2, đã có thẻ căn cước gắn chip); nhận hộ chiếu qua bưu chính."),
  "toan_trinh",
  [D("Tờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước", 1, 0, "Mẫu TK01 ban hành kèm Thông tư số 31/2023/TT-BCA"),
   D("02 ảnh chân dung 4x6 cm, phông nền trắng, chụp không quá 06 tháng (nộp trực tuyến: ảnh chụp theo hướng dẫn)", 2, 0),
   D("Hộ chiếu phổ thông cấp lần gần nhất (nếu còn giá trị); đơn trình báo mất (nếu mất hộ chiếu)", 1, 0),
   D("Bản sao giấy khai sinh/trích lục khai sinh (đối với người chưa đủ 14 tuổi); giấy tờ chứng minh người đại diện hợp pháp", 0, 1)],
  ["Công dân nộp hồ sơ tại Phòng Quản lý xuất nhập cảnh Công an tỉnh (hoặc trực tuyến); xuất trình thẻ căn cước.",
   "Cán bộ kiểm tra, đối chiếu thông tin; thu nhận ảnh, vân tay (hộ chiếu gắn chíp); thu lệ phí và cấp giấy hẹn.",
   "Cục Quản lý xuất nhập cảnh in, cá thể hóa hộ chiếu.",
   "Trả hộ chiếu tại Phòng Quản lý xuất nhập cảnh hoặc qua bưu chính."],
  "Hộ chiếu phổ thông (thời hạn 10 năm đối với người từ đủ 14 tuổi; 05 năm đối với người dưới 14 tuổi).",
  "Công dân Việt Nam không thuộc diện chưa được cấp giấy tờ xuất nhập cảnh (đang bị truy cứu trách nhiệm hình sự, chưa chấp hành xong án, vì lý do quốc phòng an ninh…). Người dưới 14 tuổi phải có người đại diện hợp pháp làm thủ tục.",
  ["Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 (sửa đổi bởi Luật số 23/2023/QH15)", "Thông tư số 31/2023/TT-BCA quy định về mẫu hộ chiếu, giấy thông hành và các biểu mẫu liên quan", "Thông tư số 25/2021/TT-BTC quy định mức thu, chế độ thu, nộp lệ phí cấp hộ chiếu, giấy thông hành"],
  ["làm hộ chiếu", "passport", "lam ho chieu", "hộ chiếu gắn chip", "xin hộ chiếu đi du lịch", "pasport"], "BCA", online="ca")

R("BG-XNC-002", "Trình báo mất hộ chiếu phổ thông", "Quản lý xuất nhập cảnh", "tinh,xa", "CONG_AN",
  "Phòng Quản lý xuất nhập cảnh - Công an tỉnh; Công an cấp xã nơi gần nhất", "Cục Quản lý xuất nhập cảnh - Bộ Công an", "CA_XNC",
  C("tt,tuyen", "Trong 01 ngày làm việc, cơ quan tiếp nhận thông báo cho Cục Quản lý xuất nhập cảnh để hủy giá trị hộ chiếu", 1, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn trình báo mất hộ chiếu phổ thông", 1, 0, "Mẫu TK05 ban hành kèm Thông tư số 31/2023/TT-BCA")],
  ["Trong 48 giờ kể từ khi phát hiện mất hộ chiếu, công dân trình báo tại Phòng Quản lý xuất nhập cảnh, Công an cấp xã nơi gần nhất hoặc trực tuyến.",
   "Cơ quan tiếp nhận cấp giấy xác nhận trình báo.",
   "Thông báo Cục Quản lý xuất nhập cảnh hủy giá trị sử dụng của hộ chiếu."],
  "Giấy xác nhận đã trình báo mất hộ chiếu; hộ chiếu bị hủy giá trị.",
  "Hộ chiếu phổ thông còn giá trị bị mất ở trong nước.",
  ["Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 (sửa đổi bởi Luật số 23/2023/QH15)", "Thông tư số 31/2023/TT-BCA"],
  ["mất hộ chiếu", "mat ho chieu", "báo mất passport"], "BCA", online="ca")

R("BG-CA-DKX1", "Đăng ký xe lần đầu (mô tô, xe gắn máy)", "Đăng ký, quản lý phương tiện giao thông cơ giới đường bộ", "xa,huyen", "CONG_AN",
  "Công an xã, phường, thị trấn được phân cấp đăng ký xe; Đội Cảnh sát giao thông Công an huyện, thành phố", "Phòng Cảnh sát giao thông - Công an tỉnh", "Công an cấp xã được phân cấp hoặc Công an huyện, thành phố",
  C("tt,tuyen", "Cấp biển số ngay sau khi tiếp nhận hồ sơ hợp lệ; cấp chứng nhận đăng ký xe không quá 02 ngày làm việc", 2,
    "Lệ phí cấp chứng nhận đăng ký và biển số mô tô (giá trị đến 15 triệu đồng): khu vực III 150.000 đồng, khu vực II 200.000 đồng; xe từ 15 đến 40 triệu đồng: 150.000 - 800.000 đồng tùy khu vực", 150000,
    on_note="Kê khai giấy khai đăng ký xe điện tử trên Cổng Dịch vụ công; mang xe đến kiểm tra, bấm biển số; có thể nhận chứng nhận qua bưu chính."),
  "mot_phan",
  [D("Giấy khai đăng ký xe", 1, 0, "Mẫu ĐKX12 ban hành kèm Thông tư số 24/2023/TT-BCA"),
   D("Chứng từ nguồn gốc xe (phiếu kiểm tra chất lượng xuất xưởng/dữ liệu điện tử của cơ quan đăng kiểm)", 1, 0),
   D("Chứng từ chuyển quyền sở hữu xe (hóa đơn)", 1, 0),
   D("Chứng từ lệ phí trước bạ (hoặc dữ liệu điện tử nộp lệ phí trước bạ)", 1, 0)],
  ["Chủ xe kê khai giấy khai đăng ký xe (trực tiếp hoặc trên Cổng Dịch vụ công), nộp lệ phí trước bạ.",
   "Mang xe đến cơ quan đăng ký xe để kiểm tra số máy, số khung; xuất trình thẻ căn cước.",
   "Bấm chọn biển số định danh, nộp lệ phí đăng ký, nhận giấy hẹn.",
   "Nhận chứng nhận đăng ký xe trực tiếp hoặc qua bưu chính."],
  "Chứng nhận đăng ký xe và biển số xe (biển số định danh).",
  "Xe có nguồn gốc hợp pháp, đã nộp lệ phí trước bạ; chủ xe cư trú trên địa bàn.",
  ["Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15", "Thông tư số 24/2023/TT-BCA quy định về cấp, thu hồi đăng ký, biển số xe cơ giới", "Thông tư số 60/2023/TT-BTC quy định mức thu lệ phí đăng ký, cấp biển phương tiện giao thông"],
  ["đăng ký xe máy", "bấm biển số", "dang ky xe may moi", "biển số định danh", "làm cà vẹt xe"], "BCA", online="ca")

R("BG-CA-DDDT", "Cấp tài khoản định danh điện tử mức độ 2 đối với công dân Việt Nam", "Định danh và xác thực điện tử", "xa,huyen", "CONG_AN",
  "Công an cấp xã; Công an cấp huyện; nơi làm thủ tục cấp thẻ căn cước", "Cục Cảnh sát quản lý hành chính về trật tự xã hội - Bộ Công an", "CA_XA",
  C("tt", "01 ngày làm việc đối với công dân đã có thẻ căn cước gắn chíp; trường hợp đăng ký cùng thủ tục cấp thẻ căn cước thì theo thời hạn cấp thẻ (07 ngày làm việc)", 1,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Phiếu đề nghị cấp tài khoản định danh điện tử (hoặc kê khai trên thiết bị thu nhận)", 1, 0, "Mẫu ban hành kèm Nghị định số 69/2024/NĐ-CP"),
   D("Thẻ căn cước/căn cước công dân gắn chíp (xuất trình); số điện thoại chính chủ", 0, 0)],
  ["Công dân đến Công an cấp xã/huyện, xuất trình thẻ căn cước gắn chíp, cung cấp số điện thoại, email.",
   "Cán bộ thu nhận ảnh chân dung, vân tay để xác thực với Cơ sở dữ liệu căn cước.",
   "Hệ thống gửi tin nhắn kích hoạt; công dân kích hoạt tài khoản trên ứng dụng VNeID."],
  "Tài khoản định danh điện tử mức độ 2 (ứng dụng VNeID).",
  "Công dân Việt Nam từ đủ 14 tuổi có thẻ căn cước/căn cước công dân gắn chíp; người dưới 14 tuổi được đăng ký theo tài khoản của cha, mẹ, người giám hộ.",
  ["Nghị định số 69/2024/NĐ-CP ngày 25/6/2024 quy định về định danh và xác thực điện tử", "Luật Căn cước số 26/2023/QH15"],
  ["vneid mức 2", "kích hoạt định danh điện tử", "vneid", "dinh danh dien tu muc 2", "tài khoản định danh"], "BCA", online="ca")


# =========================================================================== SỞ KẾ HOẠCH VÀ ĐẦU TƯ
PDKKD = "Phòng Đăng ký kinh doanh - Sở Kế hoạch và Đầu tư tỉnh Bắc Giang"
DN_FEE = C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3,
           "Lệ phí đăng ký doanh nghiệp: 50.000 đồng/lần (miễn khi đăng ký qua mạng thông tin điện tử); phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần", 50000,
           on_phi="Miễn lệ phí đăng ký doanh nghiệp khi nộp trực tuyến; phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần", on_vnd=0)


def dn_thanh_lap(ma, ten, loai, phu_luc, docs_extra, kw, dk):
    R(ma, ten, "Thành lập và hoạt động của doanh nghiệp", "tinh", "SO_KH_DT", PDKKD, "Trưởng phòng Đăng ký kinh doanh", "TINH",
      DN_FEE, "toan_trinh",
      [D(f"Giấy đề nghị đăng ký doanh nghiệp ({loai})", 1, 0, f"{phu_luc} ban hành kèm Thông tư số 01/2021/TT-BKHĐT")] + docs_extra,
      ["Người thành lập doanh nghiệp hoặc người được ủy quyền nộp hồ sơ trực tuyến trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp hoặc trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.",
       "Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ, tên doanh nghiệp, ngành nghề.",
       "Hồ sơ hợp lệ: cấp Giấy chứng nhận đăng ký doanh nghiệp trong 03 ngày làm việc (mã số doanh nghiệp đồng thời là mã số thuế); không hợp lệ: thông báo yêu cầu sửa đổi, bổ sung.",
       "Doanh nghiệp công bố nội dung đăng ký trên Cổng thông tin quốc gia về đăng ký doanh nghiệp, tự khắc dấu (nếu cần) và mở tài khoản ngân hàng."],
      "Giấy chứng nhận đăng ký doanh nghiệp.",
      dk, DN_LUAT, kw, "KHDT", online="dn")


dn_thanh_lap("BG-DN-001", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "công ty TNHH một thành viên", "Phụ lục I-2",
  [D("Điều lệ công ty", 1, 0),
   D("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật, chủ sở hữu là cá nhân (nếu chưa tích hợp dữ liệu dân cư); giấy tờ pháp lý của tổ chức và văn bản cử người đại diện theo ủy quyền (nếu chủ sở hữu là tổ chức)", 0, 1),
   D("Văn bản ủy quyền cho người đi nộp hồ sơ (nếu có)", 1, 0)],
  ["thành lập công ty tnhh 1 thành viên", "mở công ty", "thanh lap cong ty tnhh mtv", "đăng ký kinh doanh công ty", "giấy phép kinh doanh công ty", "dkkd"],
  "Chủ sở hữu là một tổ chức hoặc một cá nhân; ngành, nghề kinh doanh không bị cấm; tên doanh nghiệp không trùng, không gây nhầm lẫn; hồ sơ hợp lệ; đã nộp đủ lệ phí. Người thành lập không thuộc đối tượng bị cấm thành lập doanh nghiệp (Điều 17 Luật Doanh nghiệp).")

dn_thanh_lap("BG-DN-002", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "công ty TNHH hai thành viên trở lên", "Phụ lục I-3",
  [D("Điều lệ công ty", 1, 0), D("Danh sách thành viên", 1, 0, "Phụ lục I-6 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Bản sao giấy tờ pháp lý của cá nhân/tổ chức là thành viên và người đại diện theo pháp luật", 0, 1)],
  ["thành lập công ty tnhh 2 thành viên", "mở công ty góp vốn", "thanh lap cong ty tnhh 2tv"],
  "Có từ 02 đến 50 thành viên là tổ chức, cá nhân; ngành nghề không bị cấm; tên doanh nghiệp hợp lệ.")

dn_thanh_lap("BG-DN-003", "Đăng ký thành lập công ty cổ phần", "công ty cổ phần", "Phụ lục I-4",
  [D("Điều lệ công ty", 1, 0), D("Danh sách cổ đông sáng lập; danh sách cổ đông là nhà đầu tư nước ngoài (nếu có)", 1, 0, "Phụ lục I-7, I-8 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Bản sao giấy tờ pháp lý của cổ đông sáng lập và người đại diện theo pháp luật", 0, 1)],
  ["thành lập công ty cổ phần", "mở công ty cổ phần", "thanh lap cong ty co phan", "ctcp"],
  "Có tối thiểu 03 cổ đông, không hạn chế số lượng tối đa; ngành nghề không bị cấm; tên doanh nghiệp hợp lệ.")

dn_thanh_lap("BG-DN-004", "Đăng ký doanh nghiệp tư nhân", "doanh nghiệp tư nhân", "Phụ lục I-1",
  [D("Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân (nếu chưa tích hợp dữ liệu dân cư)", 0, 1)],
  ["doanh nghiệp tư nhân", "dntn", "mở doanh nghiệp tư nhân", "dang ky doanh nghiep tu nhan"],
  "Chủ doanh nghiệp là một cá nhân, không đồng thời là chủ hộ kinh doanh, thành viên hợp danh; mỗi cá nhân chỉ được thành lập một doanh nghiệp tư nhân.")

R("BG-DN-005", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", "tinh", "SO_KH_DT", PDKKD, "Trưởng phòng Đăng ký kinh doanh", "TINH",
  DN_FEE, "toan_trinh",
  [D("Thông báo thay đổi nội dung đăng ký doanh nghiệp hoặc Giấy đề nghị đăng ký thay đổi (tùy nội dung)", 1, 0, "Phụ lục II-1, II-2 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Nghị quyết, quyết định của chủ sở hữu/Hội đồng thành viên/Đại hội đồng cổ đông về việc thay đổi", 1, 0),
   D("Giấy tờ liên quan đến nội dung thay đổi (hợp đồng chuyển nhượng vốn, giấy tờ pháp lý của người đại diện mới…)", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ trong 10 ngày kể từ ngày có thay đổi (trụ sở, người đại diện theo pháp luật, vốn điều lệ, thành viên, tên…).",
   "Phòng Đăng ký kinh doanh kiểm tra hồ sơ.",
   "Cấp Giấy chứng nhận đăng ký doanh nghiệp mới hoặc Giấy xác nhận thay đổi nội dung đăng ký doanh nghiệp trong 03 ngày làm việc."],
  "Giấy chứng nhận đăng ký doanh nghiệp (cập nhật) hoặc Giấy xác nhận về việc thay đổi nội dung đăng ký doanh nghiệp.",
  "Doanh nghiệp đang hoạt động; không bị tạm dừng do cưỡng chế nợ thuế hoặc đang trong tình trạng giải thể (trừ một số thay đổi).",
  DN_LUAT, ["thay đổi giấy phép kinh doanh", "đổi địa chỉ công ty", "thay đổi người đại diện pháp luật", "tăng vốn điều lệ", "thay doi dang ky kinh doanh"], "KHDT", online="dn")

R("BG-DN-006", "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", "tinh", "SO_KH_DT",
  PDKKD, "Trưởng phòng Đăng ký kinh doanh", "TINH",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn", 1, 0, "Phụ lục II-19 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Nghị quyết, quyết định của chủ sở hữu/Hội đồng thành viên/Hội đồng quản trị về việc tạm ngừng", 1, 0)],
  ["Chậm nhất 03 ngày làm việc trước ngày tạm ngừng, doanh nghiệp nộp thông báo (mỗi lần không quá 01 năm).",
   "Phòng Đăng ký kinh doanh kiểm tra hồ sơ.",
   "Cấp Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh; thông tin được chuyển cho cơ quan thuế."],
  "Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn.",
  "Doanh nghiệp đang hoạt động; không trong thời gian bị yêu cầu tạm ngừng bởi cơ quan có thẩm quyền.",
  DN_LUAT, ["tạm ngừng kinh doanh công ty", "tam ngung kinh doanh doanh nghiep", "tạm dừng hoạt động công ty"], "KHDT", online="dn")

R("BG-DN-007", "Giải thể doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", "tinh", "SO_KH_DT", PDKKD, "Trưởng phòng Đăng ký kinh doanh", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ giải thể (sau khi cơ quan thuế có ý kiến về việc hoàn thành nghĩa vụ thuế)", 5, "Không thu lệ phí", 0),
  "toan_trinh",
  [D("Thông báo về việc giải thể doanh nghiệp", 1, 0, "Phụ lục II-22 ban hành kèm Thông tư số 01/2021/TT-BKHĐT"),
   D("Nghị quyết/quyết định giải thể và biên bản họp", 1, 0),
   D("Báo cáo thanh lý tài sản; danh sách chủ nợ và số nợ đã thanh toán (bao gồm nợ thuế, bảo hiểm xã hội)", 1, 0)],
  ["Doanh nghiệp gửi quyết định giải thể cho Phòng Đăng ký kinh doanh trong 07 ngày làm việc kể từ ngày thông qua; công bố tình trạng đang giải thể.",
   "Doanh nghiệp thanh lý tài sản, thanh toán các khoản nợ, hoàn thành nghĩa vụ thuế với cơ quan thuế.",
   "Nộp hồ sơ giải thể; Phòng Đăng ký kinh doanh cập nhật tình trạng pháp lý “đã giải thể” trên Hệ thống."],
  "Thông báo về việc giải thể doanh nghiệp; tình trạng pháp lý của doanh nghiệp được cập nhật là đã giải thể.",
  "Doanh nghiệp bảo đảm thanh toán hết các khoản nợ và nghĩa vụ tài sản khác; không trong quá trình giải quyết tranh chấp tại Tòa án.",
  DN_LUAT, ["giải thể công ty", "đóng cửa công ty", "giai the doanh nghiep", "đóng mã số thuế công ty"], "KHDT", online="dn")

DT_LUAT = ["Luật Đầu tư số 61/2020/QH14 (sửa đổi bởi Luật số 03/2022/QH15, Luật số 57/2024/QH15)", "Nghị định số 31/2021/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư",
           "Thông tư số 03/2021/TT-BKHĐT quy định mẫu văn bản, báo cáo liên quan đến hoạt động đầu tư (thay thế bởi Thông tư số 25/2023/TT-BKHĐT)"]

R("BG-DT-001", "Cấp Giấy chứng nhận đăng ký đầu tư", "Đầu tư tại Việt Nam", "tinh", "SO_KH_DT",
  "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang (đối với dự án ngoài khu công nghiệp)", "Giám đốc Sở Kế hoạch và Đầu tư", "TINH",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (dự án không thuộc diện chấp thuận chủ trương đầu tư); 05 ngày làm việc kể từ ngày nhận được văn bản chấp thuận chủ trương đầu tư (dự án đã được chấp thuận)", 15,
    "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Văn bản đề nghị thực hiện dự án đầu tư (kèm cam kết chịu mọi chi phí, rủi ro nếu dự án không được chấp thuận)", 1, 0, "Mẫu A.I.1 ban hành kèm Thông tư số 03/2021/TT-BKHĐT"),
   D("Bản sao giấy tờ pháp lý của nhà đầu tư (hộ chiếu/giấy chứng nhận thành lập…)", 0, 1),
   D("Đề xuất dự án đầu tư (tên, mục tiêu, quy mô, vốn, phương án huy động vốn, địa điểm, thời hạn, tiến độ, nhu cầu lao động, đánh giá tác động)", 1, 0),
   D("Báo cáo tài chính 02 năm gần nhất hoặc cam kết hỗ trợ tài chính của công ty mẹ/tổ chức tài chính; tài liệu chứng minh năng lực tài chính", 0, 1),
   D("Tài liệu về quyền sử dụng địa điểm thực hiện dự án (thỏa thuận thuê địa điểm…)", 0, 1)],
  ["Nhà đầu tư kê khai trực tuyến trên Hệ thống thông tin quốc gia về đầu tư, sau đó nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Kế hoạch và Đầu tư kiểm tra hồ sơ, lấy ý kiến các cơ quan liên quan (nếu cần).",
   "Giám đốc Sở Kế hoạch và Đầu tư cấp Giấy chứng nhận đăng ký đầu tư hoặc thông báo từ chối bằng văn bản, nêu rõ lý do.",
   "Nhà đầu tư nước ngoài tiếp tục thành lập tổ chức kinh tế (đăng ký doanh nghiệp) sau khi có Giấy chứng nhận."],
  "Giấy chứng nhận đăng ký đầu tư (IRC).",
  "Áp dụng bắt buộc với dự án của nhà đầu tư nước ngoài và tổ chức kinh tế có vốn đầu tư nước ngoài thuộc Điều 23 Luật Đầu tư; dự án không thuộc ngành nghề cấm đầu tư; có địa điểm thực hiện; phù hợp quy hoạch; đáp ứng điều kiện tiếp cận thị trường đối với nhà đầu tư nước ngoài.",
  DT_LUAT, ["giấy chứng nhận đăng ký đầu tư", "irc", "giấy phép đầu tư", "nhà đầu tư nước ngoài", "cap giay chung nhan dang ky dau tu"], "KHDT", online="dt")

R("BG-DT-002", "Chấp thuận chủ trương đầu tư của UBND cấp tỉnh", "Đầu tư tại Việt Nam", "tinh", "SO_KH_DT",
  "Sở Kế hoạch và Đầu tư tỉnh Bắc Giang", "UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen,bc", "35 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Sở KH&ĐT lấy ý kiến thẩm định 15 ngày, lập báo cáo thẩm định; UBND tỉnh quyết định trong 07 ngày làm việc)", 35,
    "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Văn bản đề nghị thực hiện dự án đầu tư", 1, 0, "Mẫu A.I.1 ban hành kèm Thông tư số 03/2021/TT-BKHĐT"),
   D("Đề xuất dự án đầu tư; tài liệu chứng minh năng lực tài chính", 1, 0),
   D("Giấy tờ pháp lý của nhà đầu tư; nội dung giải trình về công nghệ (với dự án thuộc diện thẩm định công nghệ)", 0, 1)],
  ["Nhà đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Kế hoạch và Đầu tư gửi hồ sơ lấy ý kiến thẩm định của các sở, ngành, UBND cấp huyện liên quan.",
   "Sở Kế hoạch và Đầu tư lập báo cáo thẩm định trình UBND tỉnh.",
   "UBND tỉnh xem xét, quyết định chấp thuận chủ trương đầu tư đồng thời chấp thuận nhà đầu tư (nếu đủ điều kiện)."],
  "Quyết định chấp thuận chủ trương đầu tư của UBND tỉnh.",
  "Dự án thuộc thẩm quyền chấp thuận chủ trương của UBND cấp tỉnh theo Điều 32 Luật Đầu tư (dự án đề nghị Nhà nước giao đất, cho thuê đất không qua đấu giá, đấu thầu; dự án nhà ở thương mại quy mô nhất định…).",
  DT_LUAT, ["chủ trương đầu tư", "xin chủ trương dự án", "chap thuan chu truong dau tu"], "KHDT", online="dt")


# =========================================================================== BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP
BQL = "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang"

R("BG-KCN-001", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp", "Đầu tư tại Việt Nam", "tinh", "BQL_KCN",
  BQL, "Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Bộ phận Một cửa Ban Quản lý các khu công nghiệp tỉnh Bắc Giang (tại Trung tâm Phục vụ hành chính công tỉnh)",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (trong thực tế Ban Quản lý cam kết rút ngắn còn khoảng 05 - 07 ngày làm việc); 05 ngày làm việc đối với dự án đã có chấp thuận chủ trương đầu tư", 15,
    "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Văn bản đề nghị thực hiện dự án đầu tư", 1, 0, "Mẫu A.I.1 ban hành kèm Thông tư số 03/2021/TT-BKHĐT"),
   D("Bản sao giấy tờ pháp lý của nhà đầu tư", 0, 1),
   D("Đề xuất dự án đầu tư", 1, 0),
   D("Tài liệu chứng minh năng lực tài chính của nhà đầu tư", 0, 1),
   D("Thỏa thuận nguyên tắc/hợp đồng thuê lại đất, nhà xưởng với doanh nghiệp đầu tư kinh doanh hạ tầng khu công nghiệp", 0, 1)],
  ["Nhà đầu tư kê khai trên Hệ thống thông tin quốc gia về đầu tư và nộp hồ sơ tại Ban Quản lý các khu công nghiệp.",
   "Ban Quản lý kiểm tra hồ sơ, sự phù hợp với quy hoạch, ngành nghề thu hút của khu công nghiệp.",
   "Lấy ý kiến cơ quan liên quan (nếu cần).",
   "Trưởng Ban Quản lý cấp Giấy chứng nhận đăng ký đầu tư."],
  "Giấy chứng nhận đăng ký đầu tư (dự án trong khu công nghiệp).",
  "Dự án thực hiện trong khu công nghiệp (Quang Châu, Đình Trám, Vân Trung, Song Khê - Nội Hoàng, Việt Hàn, Hòa Phú…); phù hợp ngành nghề thu hút; có hợp đồng/thỏa thuận thuê đất với chủ đầu tư hạ tầng.",
  DT_LUAT + ["Nghị định số 35/2022/NĐ-CP quy định về quản lý khu công nghiệp và khu kinh tế"],
  ["đầu tư khu công nghiệp", "irc khu công nghiệp", "giấy chứng nhận đầu tư kcn", "dau tu kcn quang chau"], "KCN", online="dt")

R("BG-KCN-002", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp", "Đầu tư tại Việt Nam", "tinh", "BQL_KCN",
  BQL, "Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Bộ phận Một cửa Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
  C("tt,tuyen,bc", "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (không thuộc diện điều chỉnh chủ trương đầu tư)", 10, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Văn bản đề nghị điều chỉnh dự án đầu tư", 1, 0, "Mẫu A.I.11 ban hành kèm Thông tư số 03/2021/TT-BKHĐT"),
   D("Báo cáo tình hình triển khai dự án đến thời điểm điều chỉnh", 1, 0),
   D("Quyết định của nhà đầu tư về việc điều chỉnh; giải trình, tài liệu liên quan đến nội dung điều chỉnh (vốn, quy mô, mục tiêu, tiến độ)", 1, 0)],
  ["Nhà đầu tư nộp hồ sơ tại Ban Quản lý.",
   "Ban Quản lý kiểm tra, thẩm định nội dung điều chỉnh.",
   "Cấp Giấy chứng nhận đăng ký đầu tư điều chỉnh."],
  "Giấy chứng nhận đăng ký đầu tư điều chỉnh.",
  "Dự án đã được cấp Giấy chứng nhận đăng ký đầu tư; nội dung điều chỉnh không thuộc diện phải điều chỉnh chủ trương đầu tư.",
  DT_LUAT, ["điều chỉnh irc", "tăng vốn dự án khu công nghiệp", "dieu chinh giay chung nhan dau tu"], "KCN", online="dt")

R("BG-KCN-003", "Cấp giấy phép xây dựng công trình trong khu công nghiệp", "Hoạt động xây dựng", "tinh", "BQL_KCN",
  BQL, "Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Bộ phận Một cửa Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 20,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 150.000 đồng/giấy phép công trình)", 150000),
  "mot_phan",
  [D("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "Mẫu số 01 Phụ lục II ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Hợp đồng thuê lại đất/giấy tờ hợp pháp về đất đai", 0, 1),
   D("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định thiết kế của cơ quan chuyên môn (nếu có)", 0, 1),
   D("02 bộ bản vẽ thiết kế xây dựng; văn bản thẩm duyệt thiết kế phòng cháy chữa cháy", 2, 0)],
  ["Chủ đầu tư nộp hồ sơ tại Ban Quản lý.",
   "Ban Quản lý kiểm tra hồ sơ, đối chiếu quy hoạch chi tiết khu công nghiệp; kiểm tra thực địa.",
   "Trưởng Ban Quản lý ký giấy phép xây dựng."],
  "Giấy phép xây dựng (kèm bản vẽ được đóng dấu).",
  "Công trình phù hợp quy hoạch chi tiết khu công nghiệp, thiết kế đã được thẩm định; đáp ứng yêu cầu về PCCC, môi trường.",
  XD_LUAT + ["Quyết định của UBND tỉnh Bắc Giang ủy quyền cho Ban Quản lý các khu công nghiệp cấp giấy phép xây dựng"],
  ["giấy phép xây dựng nhà xưởng", "xây nhà xưởng trong kcn", "gpxd khu cong nghiep"], "KCN")

R("BG-KCN-004", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc trong khu công nghiệp", "Việc làm", "tinh", "BQL_KCN",
  BQL + " (được ủy quyền)", "Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Bộ phận Một cửa Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 600.000 đồng/giấy phép)", 600000),
  "toan_trinh",
  [D("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", 1, 0, "Mẫu số 11/PLI Phụ lục I ban hành kèm Nghị định số 152/2020/NĐ-CP (sửa đổi bởi Nghị định số 70/2023/NĐ-CP)"),
   D("Giấy chứng nhận sức khỏe (cấp trong 12 tháng)", 1, 0),
   D("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang trong thời gian chấp hành hình phạt (cấp không quá 06 tháng)", 1, 0),
   D("Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia, lao động kỹ thuật (hợp pháp hóa lãnh sự, dịch công chứng)", 0, 1),
   D("02 ảnh màu 4x6; bản sao hộ chiếu còn giá trị; văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài", 2, 1)],
  ["Người sử dụng lao động (doanh nghiệp trong khu công nghiệp) nộp hồ sơ ít nhất 15 ngày trước ngày người nước ngoài dự kiến làm việc.",
   "Ban Quản lý kiểm tra hồ sơ.",
   "Cấp giấy phép lao động hoặc trả lời bằng văn bản, nêu rõ lý do không cấp."],
  "Giấy phép lao động (thời hạn tối đa 02 năm).",
  "Người nước ngoài từ đủ 18 tuổi, có năng lực hành vi dân sự đầy đủ, đủ sức khỏe; là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật; làm việc cho doanh nghiệp trong khu công nghiệp; đã được chấp thuận nhu cầu sử dụng lao động nước ngoài.",
  ["Bộ luật Lao động số 45/2019/QH14", "Nghị định số 152/2020/NĐ-CP (sửa đổi bởi Nghị định số 70/2023/NĐ-CP)"],
  ["giấy phép lao động kcn", "work permit khu công nghiệp", "gpld chuyen gia kcn"], "KCN")

R("BG-KCN-005", "Chấm dứt hoạt động dự án đầu tư trong khu công nghiệp", "Đầu tư tại Việt Nam", "tinh", "BQL_KCN",
  BQL, "Trưởng Ban Quản lý các khu công nghiệp tỉnh", "Bộ phận Một cửa Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận được thông báo/quyết định chấm dứt hoạt động dự án", 15, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Thông báo chấm dứt hoạt động dự án đầu tư", 1, 0, "Mẫu A.I.15 ban hành kèm Thông tư số 03/2021/TT-BKHĐT"),
   D("Quyết định chấm dứt hoạt động dự án đầu tư của nhà đầu tư", 1, 0),
   D("Bản sao Giấy chứng nhận đăng ký đầu tư", 0, 1)],
  ["Nhà đầu tư gửi thông báo, quyết định chấm dứt dự án cho Ban Quản lý trong 15 ngày kể từ ngày quyết định.",
   "Ban Quản lý kiểm tra, thu hồi Giấy chứng nhận đăng ký đầu tư.",
   "Thông báo chấm dứt hoạt động dự án cho các cơ quan liên quan; nhà đầu tư thanh lý dự án theo quy định."],
  "Thông báo/Quyết định chấm dứt hoạt động dự án; thu hồi Giấy chứng nhận đăng ký đầu tư.",
  "Nhà đầu tư quyết định chấm dứt dự án hoặc theo điều kiện chấm dứt trong hợp đồng, điều lệ; hết thời hạn hoạt động của dự án.",
  DT_LUAT, ["chấm dứt dự án", "dừng dự án khu công nghiệp", "cham dut du an dau tu"], "KCN", online="dt")


# =========================================================================== SỞ GIAO THÔNG VẬN TẢI
SGT = "Sở Giao thông vận tải tỉnh Bắc Giang (Phòng Quản lý phương tiện và người lái)"
GPLX_ANH = "Ảnh chân dung chụp trực tiếp tại nơi nộp hồ sơ (không phải nộp ảnh giấy khi nộp trực tiếp); nộp trực tuyến: ảnh 3x4 nền trắng/xanh theo hướng dẫn"

R("BG-GT-001", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "Đường bộ", "tinh", "SO_GTVT", SGT, "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ và chụp ảnh", 5,
    "Lệ phí cấp đổi giấy phép lái xe: 135.000 đồng/lần (nộp trực tuyến có thể được áp dụng mức giảm theo quy định của Bộ Tài chính trong từng thời kỳ)", 135000,
    on_note="Dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia với GPLX có trong hệ thống thông tin GPLX và đã có giấy khám sức khỏe điện tử liên thông; nhận GPLX qua bưu chính."),
  "toan_trinh",
  [D("Đơn đề nghị đổi, cấp lại giấy phép lái xe", 1, 0, "Phụ lục 19 ban hành kèm Thông tư số 12/2017/TT-BGTVT (sửa đổi bởi Thông tư số 05/2024/TT-BGTVT)"),
   D("Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp (trừ người đổi GPLX hạng A1, A2, A3 không thời hạn); dữ liệu khám sức khỏe điện tử được chấp nhận thay bản giấy", 1, 0),
   D("Bản sao giấy phép lái xe cũ (xuất trình bản chính để đối chiếu); bản sao thẻ căn cước/hộ chiếu", 0, 1)],
  ["Người lái xe nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở GTVT), trực tuyến trên Cổng Dịch vụ công quốc gia hoặc qua bưu chính.",
   "Cán bộ kiểm tra hồ sơ, đối chiếu GPLX trong hệ thống thông tin giấy phép lái xe; chụp ảnh, thu lệ phí (nộp trực tiếp).",
   "Sở Giao thông vận tải in và cấp giấy phép lái xe mới (vật liệu PET), thu hồi và cắt góc GPLX cũ (trả lại người lái xe).",
   "Trả GPLX tại nơi nộp hoặc qua bưu chính."],
  "Giấy phép lái xe (đổi) có thời hạn tương ứng hạng xe.",
  "GPLX do ngành GTVT cấp còn thời hạn hoặc quá hạn dưới 03 tháng (quá hạn từ 03 tháng đến dưới 01 năm phải sát hạch lại lý thuyết; từ 01 năm trở lên sát hạch lại lý thuyết và thực hành); GPLX bị hỏng; GPLX bằng giấy bìa đổi sang vật liệu PET; không đang bị tạm giữ, thu hồi.",
  GPLX, ["đổi bằng lái xe", "gplx", "đổi gplx", "doi bang lai xe", "bằng lái hết hạn", "đổi bằng lái online"], "GTVT")

R("BG-GT-002", "Cấp lại giấy phép lái xe", "Đường bộ", "tinh", "SO_GTVT", SGT, "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ, chụp ảnh và nộp lệ phí (GPLX bị mất: xét cấp lại sau 02 tháng kể từ ngày nộp đủ hồ sơ nếu không phát hiện GPLX bị cơ quan có thẩm quyền thu giữ, xử lý)", 5,
    "Lệ phí cấp lại giấy phép lái xe: 135.000 đồng/lần; trường hợp phải sát hạch lại nộp thêm phí sát hạch (lý thuyết 60.000 - 100.000 đồng, thực hành trong hình, trên đường theo hạng xe)", 135000),
  "mot_phan",
  [D("Đơn đề nghị đổi, cấp lại giấy phép lái xe", 1, 0, "Phụ lục 19 ban hành kèm Thông tư số 12/2017/TT-BGTVT (sửa đổi bởi Thông tư số 05/2024/TT-BGTVT)"),
   D("Hồ sơ gốc phù hợp với GPLX (nếu có); giấy khám sức khỏe (trừ hạng A1, A2, A3)", 1, 0),
   D("Bản sao thẻ căn cước/hộ chiếu (xuất trình bản chính để đối chiếu)", 0, 1)],
  ["Người lái xe nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở GTVT) hoặc trực tuyến; chụp ảnh tại nơi nộp.",
   "Sở Giao thông vận tải tra cứu hệ thống thông tin GPLX, xác minh tình trạng GPLX bị mất (không bị thu giữ, xử lý vi phạm).",
   "Trường hợp GPLX quá hạn từ 03 tháng trở lên: bố trí sát hạch lại theo quy định.",
   "Cấp lại GPLX và trả kết quả trực tiếp hoặc qua bưu chính."],
  "Giấy phép lái xe (cấp lại).",
  "GPLX bị mất còn thời hạn hoặc quá hạn dưới 03 tháng, có hồ sơ gốc hoặc có tên trong hệ thống thông tin GPLX; không phát hiện đang bị cơ quan có thẩm quyền thu giữ, xử lý. GPLX quá hạn sử dụng từ 03 tháng trở lên phải sát hạch lại.",
  GPLX, ["mất bằng lái xe", "làm lại bằng lái", "cap lai gplx", "mat bang lai xe", "bằng lái quá hạn"], "GTVT")

R("BG-GT-003", "Cấp mới giấy phép lái xe", "Đường bộ", "tinh", "SO_GTVT",
  "Sở Giao thông vận tải tỉnh Bắc Giang; cơ sở đào tạo lái xe; Trung tâm sát hạch lái xe", "Sở Giao thông vận tải", "Cơ sở đào tạo lái xe được cấp phép trên địa bàn tỉnh Bắc Giang",
  C("tt", "Không quá 10 ngày làm việc kể từ ngày kết thúc kỳ sát hạch", 10,
    "Phí sát hạch lái xe mô tô hạng A1: lý thuyết 60.000 đồng, thực hành 70.000 đồng; ô tô: lý thuyết 100.000 đồng, mô phỏng 100.000 đồng, thực hành trong hình 350.000 đồng, trên đường 80.000 đồng; lệ phí cấp GPLX 135.000 đồng", 135000),
  "thong_tin",
  [D("Đơn đề nghị học, sát hạch để cấp giấy phép lái xe", 1, 0, "Phụ lục 7 ban hành kèm Thông tư số 12/2017/TT-BGTVT"),
   D("Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp", 1, 0),
   D("Bản sao thẻ căn cước/căn cước công dân hoặc hộ chiếu", 0, 1)],
  ["Người học lái xe nộp hồ sơ tại cơ sở đào tạo lái xe; học lý thuyết, thực hành theo chương trình.",
   "Cơ sở đào tạo lập danh sách đề nghị sát hạch gửi Sở Giao thông vận tải.",
   "Sở Giao thông vận tải tổ chức kỳ sát hạch (lý thuyết, mô phỏng, thực hành trong hình, trên đường).",
   "Người đạt kết quả sát hạch được cấp giấy phép lái xe."],
  "Giấy phép lái xe (hạng A1, A, B, C1… theo kết quả sát hạch).",
  "Công dân đủ tuổi theo hạng xe (mô tô hạng A1: từ đủ 18 tuổi; ô tô hạng B: từ đủ 18 tuổi…), đủ sức khỏe, đã qua đào tạo tại cơ sở đào tạo lái xe và đạt kỳ sát hạch.",
  GPLX, ["thi bằng lái xe", "học bằng lái", "thi gplx a1", "thi bang lai o to b2", "sát hạch lái xe"], "GTVT")

R("BG-GT-004", "Cấp giấy phép lái xe quốc tế", "Đường bộ", "tinh", "SO_GTVT", SGT, "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5, "Lệ phí: 135.000 đồng/lần cấp", 135000),
  "toan_trinh",
  [D("Tờ khai đề nghị cấp giấy phép lái xe quốc tế", 1, 0, "Phụ lục I ban hành kèm Thông tư số 29/2015/TT-BGTVT (sửa đổi bởi Thông tư số 01/2021/TT-BGTVT)"),
   D("Bản sao giấy phép lái xe quốc gia (vật liệu PET, còn hạn); bản sao hộ chiếu còn thời hạn", 0, 1),
   D("01 ảnh màu 3x4 nền trắng (nộp trực tuyến: ảnh chụp)", 1, 0)],
  ["Người có GPLX do Việt Nam cấp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Giao thông vận tải kiểm tra, đối chiếu GPLX trong hệ thống.",
   "Cấp giấy phép lái xe quốc tế (IDP) theo mẫu Công ước Viên 1968."],
  "Giấy phép lái xe quốc tế (thời hạn không quá 03 năm và không vượt quá thời hạn GPLX quốc gia).",
  "Người có GPLX quốc gia bằng vật liệu PET do Việt Nam cấp còn thời hạn; chỉ sử dụng tại các nước tham gia Công ước Viên 1968.",
  ["Thông tư số 29/2015/TT-BGTVT quy định về cấp, sử dụng giấy phép lái xe quốc tế (sửa đổi bởi Thông tư số 01/2021/TT-BGTVT)", "Thông tư số 37/2023/TT-BTC"],
  ["bằng lái quốc tế", "idp", "giay phep lai xe quoc te", "lái xe ở nước ngoài"], "GTVT")

R("BG-GT-005", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "Đường bộ", "tinh", "SO_GTVT",
  "Sở Giao thông vận tải tỉnh Bắc Giang (Phòng Quản lý vận tải)", "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5,
    "Lệ phí cấp giấy phép kinh doanh vận tải: 200.000 đồng/giấy phép (theo quy định của Bộ Tài chính)", 200000),
  "toan_trinh",
  [D("Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô", 1, 0, "Phụ lục I ban hành kèm Nghị định số 10/2020/NĐ-CP"),
   D("Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải (đối với kinh doanh vận tải hành khách theo tuyến cố định, xe buýt, taxi, hàng hóa bằng công-ten-nơ…)", 0, 1),
   D("Bản sao quyết định thành lập và quy định chức năng, nhiệm vụ của bộ phận quản lý, theo dõi các điều kiện về an toàn giao thông (đối với đơn vị phải có bộ phận này)", 0, 1)],
  ["Doanh nghiệp, hợp tác xã, hộ kinh doanh nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
   "Sở Giao thông vận tải kiểm tra hồ sơ (thông báo bổ sung trong 01 ngày làm việc nếu thiếu khi nộp trực tiếp; 02 ngày làm việc nếu nộp trực tuyến).",
   "Thẩm định điều kiện kinh doanh vận tải.",
   "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô; trả kết quả."],
  "Giấy phép kinh doanh vận tải bằng xe ô tô (ghi loại hình kinh doanh).",
  "Có đăng ký kinh doanh vận tải bằng xe ô tô; phương tiện bảo đảm số lượng, chất lượng phù hợp phương án kinh doanh, lắp thiết bị giám sát hành trình, camera (xe từ 09 chỗ trở lên); người điều hành có trình độ theo quy định.",
  ["Luật Giao thông đường bộ số 23/2008/QH12; Luật Đường bộ số 35/2024/QH15 (từ 01/01/2025)", "Nghị định số 10/2020/NĐ-CP quy định về kinh doanh và điều kiện kinh doanh vận tải bằng xe ô tô (sửa đổi bởi Nghị định số 47/2022/NĐ-CP)", "Thông tư số 12/2020/TT-BGTVT quy định về tổ chức, quản lý hoạt động vận tải bằng xe ô tô"],
  ["giấy phép kinh doanh vận tải", "giấy phép vận tải", "xe tải kinh doanh cần giấy phép", "giay phep kinh doanh van tai", "mở hãng taxi", "gpkd van tai"], "GTVT")

R("BG-GT-006", "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Đường bộ", "tinh", "SO_GTVT",
  "Sở Giao thông vận tải tỉnh Bắc Giang (Phòng Quản lý vận tải)", "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen,bc", "02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 2, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Giấy đề nghị cấp phù hiệu", 1, 0, "Phụ lục V ban hành kèm Nghị định số 10/2020/NĐ-CP"),
   D("Bản sao giấy đăng ký xe ô tô hoặc giấy hẹn cấp đăng ký; hợp đồng thuê phương tiện, hợp đồng dịch vụ với hợp tác xã (nếu xe không thuộc sở hữu của đơn vị)", 0, 1)],
  ["Đơn vị kinh doanh vận tải đã có Giấy phép nộp hồ sơ cấp phù hiệu cho từng xe.",
   "Sở Giao thông vận tải kiểm tra dữ liệu thiết bị giám sát hành trình của xe trên hệ thống.",
   "Cấp phù hiệu (xe taxi, xe hợp đồng, xe tải, xe công-ten-nơ, xe đầu kéo…)."],
  "Phù hiệu xe ô tô (thời hạn tối đa 07 năm và không quá niên hạn sử dụng của phương tiện).",
  "Xe đã được cấp Giấy phép kinh doanh vận tải cho đơn vị; có thiết bị giám sát hành trình truyền dữ liệu về Cục Đường bộ Việt Nam.",
  ["Nghị định số 10/2020/NĐ-CP (sửa đổi bởi Nghị định số 47/2022/NĐ-CP)", "Thông tư số 12/2020/TT-BGTVT"],
  ["phù hiệu xe tải", "phu hieu xe", "làm phù hiệu xe hợp đồng", "phù hiệu taxi"], "GTVT")

R("BG-GT-007", "Đổi giấy phép lái xe hoặc bằng lái xe của nước ngoài cấp", "Đường bộ", "tinh", "SO_GTVT", SGT, "Sở Giao thông vận tải", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5, "Lệ phí: 135.000 đồng/lần", 135000),
  "mot_phan",
  [D("Đơn đề nghị đổi giấy phép lái xe", 1, 0, "Phụ lục 19 ban hành kèm Thông tư số 12/2017/TT-BGTVT"),
   D("Bản dịch giấy phép lái xe nước ngoài sang tiếng Việt được chứng thực (kèm bản chính để đối chiếu)", 0, 1),
   D("Bản sao hộ chiếu (trang ảnh, thị thực) hoặc thẻ tạm trú, thẻ thường trú còn thời hạn", 0, 1)],
  ["Người có GPLX nước ngoài (người nước ngoài cư trú, làm việc tại Việt Nam từ 03 tháng trở lên hoặc công dân Việt Nam có GPLX nước ngoài) nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Giao thông vận tải kiểm tra, xác minh tính hợp lệ của GPLX nước ngoài (qua cơ quan đại diện ngoại giao khi cần); chụp ảnh.",
   "Cấp GPLX Việt Nam tương ứng hạng xe."],
  "Giấy phép lái xe Việt Nam.",
  "GPLX nước ngoài còn thời hạn sử dụng; người đề nghị đổi cư trú, làm việc, học tập tại Việt Nam với thời gian từ 03 tháng trở lên.",
  GPLX, ["đổi bằng lái nước ngoài", "doi bang lai nuoc ngoai", "foreign driving license"], "GTVT")


# =========================================================================== SỞ XÂY DỰNG
SXD = "Sở Xây dựng tỉnh Bắc Giang"

R("BG-XD-001", "Cấp giấy phép xây dựng công trình", "Hoạt động xây dựng", "tinh", "SO_XAY_DUNG", SXD, "Giám đốc Sở Xây dựng (theo phân cấp của UBND tỉnh)", "TINH",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (kéo dài không quá 10 ngày nếu cần xem xét thêm)", 20,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 150.000 đồng/giấy phép công trình)", 150000),
  "mot_phan",
  [D("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "Mẫu số 01 Phụ lục II ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Giấy tờ hợp pháp về quyền sử dụng đất", 0, 1),
   D("Quyết định phê duyệt dự án; văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng; văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy", 0, 1),
   D("02 bộ bản vẽ thiết kế xây dựng triển khai sau thiết kế cơ sở được phê duyệt", 2, 0),
   D("Bản kê khai năng lực, kinh nghiệm của tổ chức thiết kế kèm chứng chỉ năng lực", 1, 0)],
  ["Chủ đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Xây dựng) hoặc trực tuyến.",
   "Sở Xây dựng kiểm tra hồ sơ; trong 07 ngày làm việc thông báo bổ sung nếu chưa đủ.",
   "Thẩm định hồ sơ, kiểm tra thực địa; lấy ý kiến các cơ quan quản lý nhà nước liên quan (nếu cần).",
   "Giám đốc Sở Xây dựng ký giấy phép xây dựng; trả kết quả kèm bản vẽ đóng dấu."],
  "Giấy phép xây dựng công trình (kèm bản vẽ thiết kế được đóng dấu).",
  "Công trình cấp đặc biệt, cấp I, cấp II; công trình tôn giáo, di tích, tượng đài; công trình trên các tuyến, trục đường phố chính trong đô thị theo phân cấp của UBND tỉnh (không thuộc khu công nghiệp). Phù hợp quy hoạch, thiết kế đã được thẩm định; bảo đảm an toàn, PCCC, môi trường.",
  XD_LUAT + ["Quyết định của UBND tỉnh Bắc Giang về phân cấp cấp giấy phép xây dựng"],
  ["giấy phép xây dựng công trình", "xin phép xây dựng dự án", "gpxd cong trinh", "giay phep xay dung so xay dung"], "XD")

R("BG-XD-002", "Cấp chứng chỉ hành nghề hoạt động xây dựng", "Hoạt động xây dựng", "tinh", "SO_XAY_DUNG", SXD, "Giám đốc Sở Xây dựng", "TINH",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm thời gian sát hạch và xét cấp)", 20,
    "Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng: 150.000 đồng/chứng chỉ (cấp lần đầu, nâng hạng); cấp lại, điều chỉnh, gia hạn: 75.000 đồng", 150000),
  "toan_trinh",
  [D("Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng", 1, 0, "Mẫu số 01 Phụ lục IV ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("01 ảnh màu 4x6 cm nền trắng chụp trong 06 tháng (tệp tin ảnh khi nộp trực tuyến)", 1, 0),
   D("Văn bằng đào tạo chuyên môn phù hợp; chứng chỉ hành nghề do nước ngoài cấp (nếu có)", 0, 1),
   D("Bản khai kinh nghiệm công việc chuyên môn có xác nhận; hợp đồng và biên bản nghiệm thu các công việc đã thực hiện", 1, 1)],
  ["Cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Xây dựng kiểm tra hồ sơ, tổ chức sát hạch (trắc nghiệm kiến thức chuyên môn và pháp luật) theo kỳ.",
   "Hội đồng xét cấp chứng chỉ hành nghề đánh giá kết quả sát hạch, kinh nghiệm.",
   "Giám đốc Sở Xây dựng ký cấp chứng chỉ; công bố trên trang thông tin điện tử của Bộ Xây dựng."],
  "Chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III (thời hạn 05 năm).",
  "Có năng lực hành vi dân sự đầy đủ, có quyền cư trú hợp pháp; có trình độ chuyên môn, kinh nghiệm phù hợp (hạng II: từ 04 năm; hạng III: từ 02 năm đối với trình độ đại học) và đạt yêu cầu sát hạch. Áp dụng cho khảo sát, thiết kế, giám sát, định giá, quản lý dự án, an toàn lao động.",
  XD_LUAT + ["Thông tư số 38/2022/TT-BTC quy định mức thu, chế độ thu, nộp lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng", "Thông tư số 06/2021/TT-BXD"],
  ["chứng chỉ hành nghề xây dựng", "cchn xây dựng", "chung chi hanh nghe giam sat", "chứng chỉ thiết kế xây dựng", "cchn giám sát"], "XD")

R("BG-XD-003", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", "Hoạt động xây dựng", "tinh", "SO_XAY_DUNG", SXD, "Giám đốc Sở Xây dựng", "TINH",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 20,
    "Lệ phí cấp chứng chỉ năng lực hoạt động xây dựng: 1.000.000 đồng/chứng chỉ (cấp lần đầu); cấp lại, điều chỉnh 500.000 đồng", 1000000),
  "toan_trinh",
  [D("Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng", 1, 0, "Mẫu số 04 Phụ lục IV ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Quyết định thành lập/Giấy chứng nhận đăng ký doanh nghiệp", 0, 1),
   D("Danh sách nhân sự chủ chốt kèm chứng chỉ hành nghề, văn bằng; hợp đồng lao động", 0, 1),
   D("Bản kê khai kinh nghiệm thực hiện công việc; danh mục máy móc, thiết bị (đối với thi công)", 1, 0)],
  ["Tổ chức nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Xây dựng kiểm tra hồ sơ; Hội đồng xét cấp đánh giá năng lực.",
   "Giám đốc Sở Xây dựng ký cấp chứng chỉ năng lực; đăng tải trên trang thông tin điện tử."],
  "Chứng chỉ năng lực hoạt động xây dựng hạng II, III (thời hạn 10 năm).",
  "Tổ chức có đăng ký kinh doanh; nhân sự chủ chốt có chứng chỉ hành nghề phù hợp; kinh nghiệm thực hiện công việc theo hạng đề nghị.",
  XD_LUAT + ["Thông tư số 38/2022/TT-BTC"],
  ["chứng chỉ năng lực xây dựng", "ccnl", "chung chi nang luc hoat dong xay dung"], "XD")

R("BG-XD-004", "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng", "Hoạt động xây dựng", "tinh", "SO_XAY_DUNG", SXD, "Sở Xây dựng (cơ quan chuyên môn về xây dựng)", "TINH",
  C("tt,tuyen,bc", "Không quá 35 ngày đối với dự án nhóm B; không quá 25 ngày đối với dự án nhóm C kể từ ngày nhận đủ hồ sơ hợp lệ", 35,
    "Phí thẩm định dự án đầu tư xây dựng: theo Thông tư số 28/2023/TT-BTC (tính theo tỷ lệ % tổng mức đầu tư)", None),
  "mot_phan",
  [D("Tờ trình thẩm định Báo cáo nghiên cứu khả thi", 1, 0, "Mẫu số 01 Phụ lục I ban hành kèm Nghị định số 15/2021/NĐ-CP"),
   D("Hồ sơ Báo cáo nghiên cứu khả thi (thuyết minh, thiết kế cơ sở)", 1, 0),
   D("Văn bản về chủ trương đầu tư; quy hoạch được duyệt; kết quả thẩm duyệt PCCC, báo cáo đánh giá tác động môi trường (nếu có)", 0, 1)],
  ["Chủ đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Xây dựng kiểm tra hồ sơ, yêu cầu lựa chọn tư vấn thẩm tra (nếu cần).",
   "Tổ chức thẩm định, lấy ý kiến cơ quan liên quan.",
   "Ban hành văn bản thông báo kết quả thẩm định."],
  "Văn bản thông báo kết quả thẩm định Báo cáo nghiên cứu khả thi.",
  "Dự án sử dụng vốn đầu tư công, vốn nhà nước ngoài đầu tư công hoặc dự án quy mô lớn, có ảnh hưởng lớn đến cảnh quan, môi trường, an toàn cộng đồng theo phân cấp.",
  XD_LUAT + ["Thông tư số 28/2023/TT-BTC quy định mức thu, chế độ thu, nộp phí thẩm định dự án đầu tư xây dựng, phí thẩm định thiết kế cơ sở"],
  ["thẩm định dự án", "tham dinh bao cao nghien cuu kha thi", "thẩm định thiết kế cơ sở"], "XD")

R("BG-XD-005", "Cấp chứng chỉ hành nghề môi giới bất động sản", "Kinh doanh bất động sản", "tinh", "SO_XAY_DUNG", SXD, "Giám đốc Sở Xây dựng", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày công bố kết quả kỳ thi sát hạch", 10,
    "Phí dự thi sát hạch và lệ phí cấp chứng chỉ theo quy định của Bộ Tài chính và đơn vị tổ chức thi", None),
  "mot_phan",
  [D("Đơn đăng ký dự thi kèm đề nghị cấp chứng chỉ hành nghề môi giới bất động sản", 1, 0, "Mẫu ban hành kèm Thông tư số 11/2015/TT-BXD"),
   D("Bản sao văn bằng tốt nghiệp trung học phổ thông trở lên; giấy chứng nhận đã qua đào tạo kiến thức môi giới bất động sản", 0, 1),
   D("02 ảnh màu 4x6; bản sao thẻ căn cước", 2, 1)],
  ["Cá nhân đăng ký dự thi tại đơn vị tổ chức thi sát hạch được Sở Xây dựng chấp thuận.",
   "Dự thi sát hạch (phần kiến thức cơ sở và kiến thức chuyên môn).",
   "Đơn vị tổ chức thi gửi kết quả; Sở Xây dựng cấp chứng chỉ cho người đạt yêu cầu."],
  "Chứng chỉ hành nghề môi giới bất động sản (thời hạn 05 năm).",
  "Có năng lực hành vi dân sự đầy đủ; tốt nghiệp trung học phổ thông trở lên; đạt kỳ thi sát hạch kiến thức hành nghề môi giới bất động sản.",
  ["Luật Kinh doanh bất động sản số 29/2023/QH15", "Nghị định số 96/2024/NĐ-CP quy định chi tiết một số điều của Luật Kinh doanh bất động sản"],
  ["chứng chỉ môi giới bất động sản", "môi giới nhà đất", "chung chi moi gioi bds", "cò đất cần chứng chỉ"], "XD")


# =========================================================================== SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
VPDK = "Văn phòng Đăng ký đất đai tỉnh Bắc Giang và các Chi nhánh Văn phòng Đăng ký đất đai cấp huyện"

R("BG-DD-001", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế", "Đất đai", "tinh", "SO_TN_MT", VPDK,
  "Văn phòng Đăng ký đất đai (Sở Tài nguyên và Môi trường)", "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang hoặc Bộ phận Một cửa UBND cấp huyện nơi có đất",
  C("tt,tuyen,bc", "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian thực hiện nghĩa vụ tài chính; xã miền núi, vùng khó khăn cộng thêm 10 ngày)", 10,
    "Lệ phí cấp Giấy chứng nhận/chỉnh lý biến động và phí thẩm định hồ sơ: theo Nghị quyết HĐND tỉnh Bắc Giang; thuế thu nhập cá nhân 2% giá chuyển nhượng; lệ phí trước bạ 0,5% (miễn đối với tặng cho, thừa kế giữa vợ chồng, cha mẹ - con, ông bà - cháu, anh chị em ruột)", None),
  "mot_phan",
  [D("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", 1, 0, "Mẫu số 11/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP"),
   D("Hợp đồng chuyển nhượng/tặng cho hoặc văn bản thừa kế đã được công chứng hoặc chứng thực", 1, 0),
   D("Giấy chứng nhận quyền sử dụng đất đã cấp (bản gốc)", 1, 0),
   D("Tờ khai thuế thu nhập cá nhân (Mẫu 03/BĐS-TNCN) và tờ khai lệ phí trước bạ (Mẫu 01/LPTB); giấy tờ chứng minh được miễn thuế, lệ phí (nếu có)", 1, 0)],
  ["Người nhận chuyển nhượng/tặng cho/thừa kế nộp hồ sơ trong 30 ngày kể từ ngày hợp đồng có hiệu lực hoặc ngày phân chia xong di sản.",
   "Văn phòng Đăng ký đất đai kiểm tra hồ sơ, gửi thông tin địa chính sang cơ quan thuế.",
   "Người sử dụng đất nộp thuế thu nhập cá nhân, lệ phí trước bạ theo thông báo của cơ quan thuế.",
   "Văn phòng Đăng ký đất đai chỉnh lý Giấy chứng nhận hoặc lập hồ sơ trình cấp Giấy chứng nhận mới; cập nhật hồ sơ địa chính.",
   "Trả Giấy chứng nhận cho người sử dụng đất."],
  "Giấy chứng nhận quyền sử dụng đất được chỉnh lý biến động (sang tên) hoặc Giấy chứng nhận mới.",
  "Có Giấy chứng nhận; đất không có tranh chấp, không bị kê biên để bảo đảm thi hành án, không bị áp dụng biện pháp khẩn cấp tạm thời; trong thời hạn sử dụng đất (Điều 45 Luật Đất đai 2024). Hợp đồng chuyển nhượng, tặng cho phải công chứng hoặc chứng thực.",
  DAT_DAI + ["Thông tư số 10/2024/TT-BTNMT quy định về hồ sơ địa chính, Giấy chứng nhận", "Luật Thuế thu nhập cá nhân; Nghị định số 10/2022/NĐ-CP quy định về lệ phí trước bạ"],
  ["sang tên sổ đỏ", "sang ten so do", "mua bán đất sang tên", "tặng cho đất cho con", "thừa kế đất", "sang tên sổ hồng"], "DD")

R("BG-DD-002", "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", "Đất đai", "tinh", "SO_TN_MT", VPDK,
  "Văn phòng Đăng ký đất đai (Sở Tài nguyên và Môi trường)", "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang hoặc Bộ phận Một cửa UBND cấp huyện nơi có đất",
  C("tt,tuyen,bc", "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian niêm yết thông báo mất Giấy chứng nhận 15 ngày tại UBND cấp xã)", 10,
    "Lệ phí cấp lại Giấy chứng nhận: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 50.000 đồng/giấy)", 50000),
  "mot_phan",
  [D("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (đề nghị cấp lại)", 1, 0, "Mẫu số 11/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP"),
   D("Giấy xác nhận của UBND cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận trong 15 ngày (hoặc giấy tờ chứng minh mất do thiên tai, hỏa hoạn)", 1, 0)],
  ["Người sử dụng đất khai báo mất Giấy chứng nhận với UBND cấp xã; UBND cấp xã niêm yết thông báo 15 ngày.",
   "Nộp hồ sơ đề nghị cấp lại tại Trung tâm Phục vụ hành chính công/Bộ phận Một cửa cấp huyện.",
   "Văn phòng Đăng ký đất đai kiểm tra hồ sơ, trích lục/trích đo bản đồ địa chính (nếu cần), hủy Giấy chứng nhận bị mất.",
   "Trình Sở Tài nguyên và Môi trường ký cấp lại Giấy chứng nhận; trả kết quả."],
  "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp lại); quyết định hủy Giấy chứng nhận bị mất.",
  "Giấy chứng nhận đã cấp bị mất; đã niêm yết công khai và không có ai phát hiện, tranh chấp.",
  DAT_DAI,
  ["mất sổ đỏ", "mat so do", "làm lại sổ đỏ bị mất", "cấp lại sổ hồng", "mất giấy chứng nhận quyền sử dụng đất"], "DD")

R("BG-DD-003", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Đất đai", "tinh", "SO_TN_MT", VPDK,
  "Văn phòng Đăng ký đất đai (Sở Tài nguyên và Môi trường)", "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang hoặc Bộ phận Một cửa UBND cấp huyện nơi có đất",
  C("tt,tuyen,bc", "Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ (cấp đổi đồng loạt do đo đạc lại bản đồ: không quá 50 ngày làm việc)", 7,
    "Lệ phí cấp đổi Giấy chứng nhận: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 50.000 đồng/giấy)", 50000),
  "mot_phan",
  [D("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (đề nghị cấp đổi)", 1, 0, "Mẫu số 11/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP"),
   D("Giấy chứng nhận đã cấp (bản gốc)", 1, 0)],
  ["Người sử dụng đất nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh/Bộ phận Một cửa cấp huyện.",
   "Văn phòng Đăng ký đất đai kiểm tra hồ sơ, xác nhận vào đơn lý do cấp đổi; trích lục bản đồ địa chính (nếu đo đạc lại).",
   "Lập hồ sơ trình ký cấp Giấy chứng nhận mới; cập nhật cơ sở dữ liệu đất đai.",
   "Trả Giấy chứng nhận mới, thu hồi Giấy chứng nhận cũ."],
  "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp đổi).",
  "Giấy chứng nhận bị ố, nhòe, rách, hư hỏng; đo đạc lại làm thay đổi kích thước, diện tích thửa đất; người sử dụng đất có nhu cầu đổi sang mẫu Giấy chứng nhận mới; ghi tên cả vợ và chồng.",
  DAT_DAI,
  ["đổi sổ đỏ", "doi so do", "cấp đổi sổ hồng", "đổi sổ đỏ sang mẫu mới", "sổ đỏ bị rách"], "DD")

R("BG-DD-004", "Tách thửa hoặc hợp thửa đất", "Đất đai", "tinh", "SO_TN_MT", VPDK,
  "Văn phòng Đăng ký đất đai (Sở Tài nguyên và Môi trường)", "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang hoặc Bộ phận Một cửa UBND cấp huyện nơi có đất",
  C("tt,tuyen,bc", "Không quá 15 ngày làm việc kể từ ngày nhận đủ hồ sơ (đo đạc, lập bản vẽ tách thửa, hợp thửa và cấp Giấy chứng nhận)", 15,
    "Phí đo đạc, lập bản đồ địa chính và lệ phí cấp Giấy chứng nhận: theo Nghị quyết HĐND tỉnh Bắc Giang", None),
  "mot_phan",
  [D("Đơn đề nghị tách thửa đất, hợp thửa đất", 1, 0, "Mẫu số 01/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP"),
   D("Bản vẽ tách thửa đất, hợp thửa đất (do đơn vị đo đạc có chức năng lập)", 1, 0),
   D("Giấy chứng nhận quyền sử dụng đất (bản gốc)", 1, 0)],
  ["Người sử dụng đất nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh/Bộ phận Một cửa cấp huyện.",
   "Văn phòng Đăng ký đất đai kiểm tra điều kiện tách, hợp thửa (diện tích tối thiểu theo quy định của UBND tỉnh), đo đạc, chỉnh lý bản đồ địa chính.",
   "Lập hồ sơ cấp Giấy chứng nhận cho các thửa đất mới.",
   "Trả Giấy chứng nhận."],
  "Giấy chứng nhận cho thửa đất mới sau tách, hợp thửa.",
  "Thửa đất đã được cấp Giấy chứng nhận; còn thời hạn sử dụng; không tranh chấp, kê biên; diện tích, kích thước thửa đất sau tách đáp ứng diện tích tối thiểu theo Quyết định của UBND tỉnh Bắc Giang; có lối đi kết nối với đường giao thông công cộng.",
  DAT_DAI + ["Quyết định của UBND tỉnh Bắc Giang quy định điều kiện tách thửa, hợp thửa đất và diện tích tối thiểu được tách thửa"],
  ["tách sổ đỏ", "tach thua dat", "chia đất cho con tách sổ", "hợp thửa", "tách thửa diện tích tối thiểu"], "DD")

R("BG-DD-005", "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Đăng ký biện pháp bảo đảm", "tinh", "SO_TN_MT", VPDK,
  "Văn phòng Đăng ký đất đai (Sở Tài nguyên và Môi trường)", "Trung tâm Phục vụ hành chính công tỉnh Bắc Giang hoặc Bộ phận Một cửa UBND cấp huyện nơi có đất",
  C("tt,tuyen,bc", "Trong ngày làm việc nhận hồ sơ; nếu nhận sau 15 giờ thì hoàn thành trong ngày làm việc tiếp theo (kéo dài không quá 03 ngày làm việc)", None,
    "Phí đăng ký biện pháp bảo đảm: 80.000 đồng/hồ sơ; xóa đăng ký: 20.000 đồng (Thông tư số 202/2016/TT-BTC)", 80000),
  "mot_phan",
  [D("Phiếu yêu cầu đăng ký biện pháp bảo đảm", 1, 0, "Mẫu số 01a ban hành kèm Nghị định số 99/2022/NĐ-CP"),
   D("Hợp đồng thế chấp đã công chứng, chứng thực (hoặc bản sao có chứng thực)", 1, 0),
   D("Giấy chứng nhận quyền sử dụng đất (bản gốc)", 1, 0)],
  ["Bên thế chấp hoặc bên nhận thế chấp (ngân hàng) nộp hồ sơ.",
   "Văn phòng Đăng ký đất đai kiểm tra, ghi nội dung đăng ký thế chấp vào Giấy chứng nhận và sổ địa chính.",
   "Trả Giấy chứng nhận (thường giao cho bên nhận thế chấp giữ theo thỏa thuận)."],
  "Giấy chứng nhận được ghi nội dung đăng ký thế chấp.",
  "Quyền sử dụng đất đã có Giấy chứng nhận; không có tranh chấp; hợp đồng thế chấp hợp lệ.",
  ["Bộ luật Dân sự số 91/2015/QH13", "Nghị định số 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm", "Luật Đất đai số 31/2024/QH15"],
  ["thế chấp sổ đỏ", "vay ngân hàng thế chấp đất", "the chap quyen su dung dat", "xóa thế chấp"], "DD")

R("BG-KS-001", "Cấp giấy phép khai thác khoáng sản", "Địa chất và khoáng sản", "tinh", "SO_TN_MT",
  "Sở Tài nguyên và Môi trường tỉnh Bắc Giang", "UBND tỉnh Bắc Giang", "TINH",
  C("tt,bc", "Không quá 90 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Sở TN&MT thẩm định 55 ngày, trình UBND tỉnh 05 ngày, UBND tỉnh quyết định 07 ngày làm việc…)", 90,
    "Phí thẩm định hồ sơ cấp phép khai thác: theo quy định của Bộ Tài chính (tham khảo 15.000.000 đồng/hồ sơ đối với giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường); tiền cấp quyền khai thác khoáng sản theo quyết định phê duyệt", 15000000),
  "thong_tin",
  [D("Bản chính đơn đề nghị cấp giấy phép khai thác khoáng sản", 1, 0, "Mẫu số 08 Phụ lục ban hành kèm Thông tư số 45/2016/TT-BTNMT"),
   D("Bản đồ khu vực khai thác khoáng sản", 1, 0),
   D("Quyết định phê duyệt trữ lượng khoáng sản; dự án đầu tư khai thác kèm quyết định phê duyệt; báo cáo đánh giá tác động môi trường đã được phê duyệt", 0, 1),
   D("Văn bản xác nhận vốn chủ sở hữu; Giấy chứng nhận đăng ký doanh nghiệp", 0, 1)],
  ["Tổ chức, cá nhân trúng đấu giá quyền khai thác hoặc thuộc khu vực không đấu giá nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Tài nguyên và Môi trường kiểm tra hồ sơ, kiểm tra thực địa khu vực khai thác.",
   "Lấy ý kiến các cơ quan liên quan; thẩm định hồ sơ.",
   "Trình UBND tỉnh cấp giấy phép khai thác khoáng sản.",
   "Thông báo kết quả; tổ chức, cá nhân nộp tiền cấp quyền khai thác."],
  "Giấy phép khai thác khoáng sản.",
  "Có dự án đầu tư khai thác phù hợp quy hoạch khoáng sản; có báo cáo ĐTM được phê duyệt; vốn chủ sở hữu ít nhất bằng 50% tổng vốn đầu tư; khu vực khai thác không thuộc khu vực cấm.",
  ["Luật Khoáng sản số 60/2010/QH12 (Luật Địa chất và khoáng sản số 54/2024/QH15 từ 01/7/2025)", "Nghị định số 158/2016/NĐ-CP quy định chi tiết Luật Khoáng sản", "Thông tư số 45/2016/TT-BTNMT", "Thông tư số 191/2016/TT-BTC về phí thẩm định đánh giá trữ lượng khoáng sản, lệ phí cấp giấy phép hoạt động khoáng sản"],
  ["giấy phép khai thác khoáng sản", "mỏ đất san lấp", "khai thac cat soi", "giấy phép mỏ đá"], "TNMT")

R("BG-TNN-001", "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Tài nguyên nước", "tinh", "SO_TN_MT",
  "Sở Tài nguyên và Môi trường tỉnh Bắc Giang", "UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen,bc", "Không quá 30 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 30,
    "Phí thẩm định đề án, báo cáo khai thác, sử dụng nước dưới đất: theo Nghị quyết HĐND tỉnh Bắc Giang", None),
  "mot_phan",
  [D("Đơn đề nghị cấp giấy phép khai thác, sử dụng nước dưới đất", 1, 0, "Mẫu ban hành kèm Nghị định số 54/2024/NĐ-CP"),
   D("Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất hoặc báo cáo hiện trạng khai thác (đối với công trình đang khai thác)", 1, 0),
   D("Kết quả phân tích chất lượng nguồn nước (không quá 06 tháng)", 1, 0)],
  ["Tổ chức, cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Tài nguyên và Môi trường thẩm định hồ sơ, kiểm tra thực tế.",
   "Trình UBND tỉnh cấp giấy phép."],
  "Giấy phép khai thác, sử dụng nước dưới đất.",
  "Công trình khai thác nước dưới đất với quy mô từ 10 m³/ngày đêm trở lên (trừ trường hợp chỉ đăng ký) thuộc thẩm quyền của UBND tỉnh.",
  ["Luật Tài nguyên nước số 28/2023/QH15", "Nghị định số 54/2024/NĐ-CP quy định việc hành nghề khoan nước dưới đất, kê khai, đăng ký, cấp phép…"],
  ["giấy phép khai thác nước ngầm", "khoan giếng cho nhà máy", "nuoc duoi dat giay phep"], "TNMT")

R("BG-MT-001", "Thẩm định báo cáo đánh giá tác động môi trường", "Môi trường", "tinh", "SO_TN_MT",
  "Sở Tài nguyên và Môi trường tỉnh Bắc Giang", "UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen,bc", "Không quá 30 ngày kể từ ngày nhận đủ hồ sơ (thẩm định); phê duyệt kết quả trong 20 ngày kể từ ngày nhận hồ sơ đã chỉnh sửa", 30,
    "Phí thẩm định báo cáo ĐTM: theo Nghị quyết HĐND tỉnh Bắc Giang (tùy tổng vốn đầu tư của dự án)", None),
  "mot_phan",
  [D("Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường", 1, 0, "Mẫu số 02 Phụ lục II ban hành kèm Nghị định số 08/2022/NĐ-CP"),
   D("Báo cáo đánh giá tác động môi trường", 1, 0),
   D("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án", 1, 0)],
  ["Chủ dự án nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Tài nguyên và Môi trường thành lập Hội đồng thẩm định, khảo sát thực tế, tham vấn.",
   "Chủ dự án chỉnh sửa báo cáo theo ý kiến Hội đồng.",
   "UBND tỉnh ban hành quyết định phê duyệt kết quả thẩm định báo cáo ĐTM."],
  "Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường.",
  "Dự án nhóm I, II có nguy cơ tác động xấu đến môi trường thuộc thẩm quyền thẩm định của UBND tỉnh.",
  ["Luật Bảo vệ môi trường số 72/2020/QH14", "Nghị định số 08/2022/NĐ-CP", "Thông tư số 02/2022/TT-BTNMT"],
  ["đánh giá tác động môi trường", "đtm", "dtm", "bao cao danh gia tac dong moi truong"], "TNMT")


# =========================================================================== SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
SLD = "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang"
GPLD_CC = ["Bộ luật Lao động số 45/2019/QH14", "Nghị định số 152/2020/NĐ-CP quy định về người lao động nước ngoài làm việc tại Việt Nam (sửa đổi bởi Nghị định số 70/2023/NĐ-CP)",
           "Nghị quyết của HĐND tỉnh Bắc Giang quy định mức thu lệ phí cấp giấy phép lao động cho người nước ngoài"]
TCTN_CC = ["Luật Việc làm số 38/2013/QH13", "Nghị định số 28/2015/NĐ-CP quy định chi tiết Luật Việc làm về bảo hiểm thất nghiệp (sửa đổi bởi Nghị định số 61/2020/NĐ-CP)",
           "Thông tư số 28/2015/TT-BLĐTBXH hướng dẫn Điều 52 Luật Việc làm và Nghị định số 28/2015/NĐ-CP (sửa đổi bởi Thông tư số 15/2023/TT-BLĐTBXH)"]

R("BG-VL-001", "Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm", "tinh", "SO_LD_TBXH",
  "Trung tâm Dịch vụ việc làm tỉnh Bắc Giang (thuộc Sở Lao động - Thương binh và Xã hội)", "Giám đốc Sở Lao động - Thương binh và Xã hội", "TTDVVL",
  C("tt,tuyen,bc", "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Giám đốc Sở ký quyết định hưởng); tiền trợ cấp tháng đầu chi trả trong 05 ngày làm việc kể từ ngày có quyết định", 20,
    "Không thu phí, lệ phí", 0,
    on_note="Có thể nộp Đề nghị hưởng trợ cấp thất nghiệp trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VssID; người lao động vẫn phải đến Trung tâm Dịch vụ việc làm nhận quyết định và thông báo tìm việc hằng tháng (hoặc thông báo trực tuyến)."),
  "mot_phan",
  [D("Đề nghị hưởng trợ cấp thất nghiệp", 1, 0, "Mẫu số 03 ban hành kèm Thông tư số 15/2023/TT-BLĐTBXH"),
   D("Một trong các giấy tờ xác nhận chấm dứt hợp đồng lao động: quyết định thôi việc, quyết định sa thải, thông báo/thỏa thuận chấm dứt hợp đồng lao động, hợp đồng lao động đã hết hạn", 0, 1),
   D("Sổ bảo hiểm xã hội (hoặc xác nhận quá trình đóng bảo hiểm thất nghiệp trên dữ liệu của cơ quan BHXH)", 1, 0)],
  ["Trong 03 tháng kể từ ngày chấm dứt hợp đồng lao động, người lao động nộp hồ sơ tại Trung tâm Dịch vụ việc làm (nơi muốn nhận trợ cấp).",
   "Trung tâm Dịch vụ việc làm kiểm tra hồ sơ, đối chiếu dữ liệu đóng bảo hiểm thất nghiệp với cơ quan BHXH; hẹn ngày trả kết quả.",
   "Trung tâm trình Giám đốc Sở Lao động - Thương binh và Xã hội ký quyết định hưởng trợ cấp thất nghiệp.",
   "Người lao động nhận quyết định; cơ quan BHXH chi trả trợ cấp hằng tháng (qua tài khoản hoặc bưu điện).",
   "Hằng tháng người lao động thông báo tình trạng tìm kiếm việc làm với Trung tâm Dịch vụ việc làm."],
  "Quyết định về việc hưởng trợ cấp thất nghiệp (mức hưởng bằng 60% bình quân tiền lương đóng BHTN 06 tháng liền kề, tối đa 05 lần mức lương cơ sở/lương tối thiểu vùng; thời gian hưởng 03 tháng cho 12 - 36 tháng đóng, cộng 01 tháng cho mỗi 12 tháng đóng thêm, tối đa 12 tháng) kèm thẻ BHYT trong thời gian hưởng.",
  "Người lao động đã chấm dứt hợp đồng lao động (trừ trường hợp đơn phương chấm dứt trái pháp luật, hưởng lương hưu, trợ cấp mất sức lao động); đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi chấm dứt hợp đồng; đã nộp hồ sơ trong 03 tháng; chưa tìm được việc làm sau 15 ngày kể từ ngày nộp hồ sơ.",
  TCTN_CC,
  ["trợ cấp thất nghiệp", "bảo hiểm thất nghiệp", "tctn", "tro cap that nghiep", "nghỉ việc nhận tiền thất nghiệp", "bhtn"], "LD")

R("BG-VL-002", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "Việc làm", "tinh", "SO_LD_TBXH", SLD, "Giám đốc Sở Lao động - Thương binh và Xã hội", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ đề nghị cấp giấy phép lao động", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 600.000 đồng/giấy phép)", 600000),
  "toan_trinh",
  [D("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", 1, 0, "Mẫu số 11/PLI Phụ lục I ban hành kèm Nghị định số 152/2020/NĐ-CP (sửa đổi bởi Nghị định số 70/2023/NĐ-CP)"),
   D("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe do cơ quan y tế có thẩm quyền cấp trong 12 tháng", 1, 0),
   D("Phiếu lý lịch tư pháp hoặc văn bản xác nhận người lao động nước ngoài không phải là người đang chấp hành hình phạt (cấp không quá 06 tháng)", 1, 0),
   D("Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật (hợp pháp hóa lãnh sự, dịch tiếng Việt có chứng thực)", 0, 1),
   D("02 ảnh màu 4x6 cm phông trắng; bản sao hộ chiếu còn giá trị; văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài", 2, 1)],
  ["Người sử dụng lao động được chấp thuận nhu cầu sử dụng lao động nước ngoài nộp hồ sơ trước ít nhất 15 ngày kể từ ngày người nước ngoài dự kiến bắt đầu làm việc (trực tuyến hoặc trực tiếp).",
   "Sở Lao động - Thương binh và Xã hội kiểm tra hồ sơ.",
   "Cấp giấy phép lao động trong 05 ngày làm việc; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do."],
  "Giấy phép lao động (thời hạn tối đa 02 năm).",
  "Người lao động nước ngoài từ đủ 18 tuổi, có năng lực hành vi dân sự đầy đủ; có trình độ chuyên môn, kinh nghiệm, sức khỏe; không đang chấp hành hình phạt; đã được chấp thuận nhu cầu sử dụng lao động nước ngoài (trừ trường hợp không phải xác định nhu cầu). Đối với lao động làm việc trong khu công nghiệp: nộp tại Ban Quản lý các khu công nghiệp.",
  GPLD_CC,
  ["giấy phép lao động", "work permit", "gpld", "giay phep lao dong nguoi nuoc ngoai", "xin work permit cho chuyên gia"], "LD")

R("BG-VL-003", "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "Việc làm", "tinh", "SO_LD_TBXH", SLD, "Giám đốc Sở Lao động - Thương binh và Xã hội", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 5,
    "Lệ phí: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 450.000 đồng/giấy phép)", 450000),
  "toan_trinh",
  [D("Văn bản đề nghị gia hạn giấy phép lao động", 1, 0, "Mẫu số 11/PLI Phụ lục I ban hành kèm Nghị định số 152/2020/NĐ-CP"),
   D("Giấy phép lao động còn thời hạn đã được cấp", 1, 0),
   D("Giấy chứng nhận sức khỏe; văn bản chấp thuận nhu cầu sử dụng lao động nước ngoài; 02 ảnh 4x6", 2, 1)],
  ["Người sử dụng lao động nộp hồ sơ ít nhất 05 ngày nhưng không quá 45 ngày trước ngày giấy phép lao động hết hạn.",
   "Sở Lao động - Thương binh và Xã hội kiểm tra hồ sơ.",
   "Gia hạn giấy phép lao động (01 lần, tối đa 02 năm)."],
  "Giấy phép lao động được gia hạn.",
  "Giấy phép lao động đã cấp còn thời hạn ít nhất 05 ngày nhưng không quá 45 ngày; chỉ được gia hạn một lần.",
  GPLD_CC,
  ["gia hạn giấy phép lao động", "gia han work permit", "gia han gpld"], "LD")

R("BG-VL-004", "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", "Việc làm", "tinh", "SO_LD_TBXH", SLD, "Giám đốc Sở Lao động - Thương binh và Xã hội", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 5, "Không thu lệ phí (trừ trường hợp HĐND tỉnh có quy định khác)", 0),
  "toan_trinh",
  [D("Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động", 1, 0, "Mẫu số 09/PLI Phụ lục I ban hành kèm Nghị định số 152/2020/NĐ-CP"),
   D("Giấy tờ chứng minh thuộc trường hợp không thuộc diện cấp giấy phép lao động (góp vốn, di chuyển nội bộ doanh nghiệp, kết hôn với người Việt Nam…)", 0, 1),
   D("Giấy chứng nhận sức khỏe; bản sao hộ chiếu", 1, 1)],
  ["Người sử dụng lao động nộp hồ sơ ít nhất 10 ngày trước ngày người nước ngoài bắt đầu làm việc.",
   "Sở Lao động - Thương binh và Xã hội kiểm tra.",
   "Cấp giấy xác nhận không thuộc diện cấp giấy phép lao động."],
  "Văn bản xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động.",
  "Thuộc các trường hợp tại Điều 154 Bộ luật Lao động và Điều 7 Nghị định 152/2020/NĐ-CP.",
  GPLD_CC,
  ["miễn giấy phép lao động", "không thuộc diện cấp giấy phép lao động", "mien work permit"], "LD")

R("BG-VL-005", "Đăng ký nội quy lao động", "Lao động", "tinh", "SO_LD_TBXH", SLD, "Giám đốc Sở Lao động - Thương binh và Xã hội", "TINH",
  C("tt,tuyen,bc", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ đăng ký nội quy lao động", 7, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Văn bản đề nghị đăng ký nội quy lao động", 1, 0),
   D("Nội quy lao động", 1, 0),
   D("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có); các văn bản quy định liên quan đến kỷ luật lao động, trách nhiệm vật chất", 1, 0)],
  ["Trong 10 ngày kể từ ngày ban hành nội quy lao động, người sử dụng lao động (sử dụng từ 10 lao động trở lên) nộp hồ sơ đăng ký.",
   "Sở Lao động - Thương binh và Xã hội xem xét nội dung nội quy.",
   "Nội quy có hiệu lực sau 15 ngày kể từ ngày nhận hồ sơ; trường hợp có nội dung trái pháp luật, Sở thông báo hướng dẫn sửa đổi."],
  "Văn bản thông báo về việc đăng ký nội quy lao động (hoặc yêu cầu sửa đổi, bổ sung).",
  "Người sử dụng lao động sử dụng từ 10 người lao động trở lên.",
  ["Bộ luật Lao động số 45/2019/QH14 (Điều 118 - 121)", "Nghị định số 145/2020/NĐ-CP quy định chi tiết Bộ luật Lao động về điều kiện lao động và quan hệ lao động"],
  ["nội quy lao động", "dang ky noi quy lao dong", "nội quy công ty"], "LD")

R("BG-NCC-001", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", "Người có công", "tinh", "SO_LD_TBXH", SLD + " (UBND cấp xã tiếp nhận, xác nhận)", "Giám đốc Sở Lao động - Thương binh và Xã hội", "XA",
  C("tt,tuyen,bc", "Tổng không quá 17 ngày (UBND cấp xã 05 ngày làm việc; Sở LĐ-TB&XH 12 ngày)", 17, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Bản khai đề nghị hưởng trợ cấp thờ cúng liệt sĩ (có ủy quyền của các thân nhân liệt sĩ khác nếu có)", 1, 0, "Mẫu số 13 Phụ lục I ban hành kèm Nghị định số 131/2021/NĐ-CP"),
   D("Văn bản ủy quyền thờ cúng liệt sĩ có chứng thực (Mẫu số 11 Phụ lục I Nghị định 131/2021/NĐ-CP) nếu có nhiều thân nhân", 1, 0),
   D("Bản sao Bằng Tổ quốc ghi công", 0, 1)],
  ["Người thờ cúng liệt sĩ nộp bản khai tại UBND cấp xã nơi cư trú.",
   "UBND cấp xã xác nhận bản khai, gửi Sở Lao động - Thương binh và Xã hội.",
   "Sở Lao động - Thương binh và Xã hội kiểm tra, ra quyết định trợ cấp thờ cúng liệt sĩ.",
   "Phòng LĐ-TB&XH cấp huyện chi trả trợ cấp (hằng năm)."],
  "Quyết định trợ cấp thờ cúng liệt sĩ (mức trợ cấp hằng năm theo Nghị định về mức hưởng trợ cấp ưu đãi người có công).",
  "Người thờ cúng liệt sĩ là thân nhân hoặc người được thân nhân ủy quyền; liệt sĩ đã được cấp Bằng Tổ quốc ghi công.",
  ["Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14", "Nghị định số 131/2021/NĐ-CP quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng", "Nghị định số 55/2023/NĐ-CP; Nghị định số 77/2024/NĐ-CP quy định mức hưởng trợ cấp ưu đãi người có công"],
  ["trợ cấp thờ cúng liệt sĩ", "tien tho cung liet si", "thờ cúng liệt sĩ", "chế độ người có công"], "LD")


# =========================================================================== SỞ Y TẾ
SYT = "Sở Y tế tỉnh Bắc Giang"

R("BG-YT-001", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh", "tinh", "SO_Y_TE", SYT, "Giám đốc Sở Y tế", "TINH",
  C("tt,tuyen,bc", "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (cần xác minh văn bằng, giấy tờ nước ngoài: không quá 60 ngày)", 30,
    "Phí thẩm định cấp giấy phép hành nghề khám bệnh, chữa bệnh: 360.000 đồng/hồ sơ (theo quy định của Bộ Tài chính)", 360000),
  "mot_phan",
  [D("Đơn đề nghị cấp giấy phép hành nghề (chứng chỉ hành nghề) khám bệnh, chữa bệnh", 1, 0, "Mẫu 01 Phụ lục I ban hành kèm Nghị định số 96/2023/NĐ-CP"),
   D("Bản sao hợp lệ văn bằng chuyên môn phù hợp với chức danh chuyên môn (bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y…)", 0, 1),
   D("Giấy chứng nhận đủ sức khỏe để hành nghề do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp trong 06 tháng", 1, 0),
   D("Giấy xác nhận hoàn thành thời gian thực hành (bác sỹ: 12 tháng; điều dưỡng, hộ sinh: 06 tháng) và kết quả kiểm tra đánh giá năng lực (nếu đã áp dụng)", 1, 0),
   D("Phiếu lý lịch tư pháp (trường hợp cấp lần đầu); 02 ảnh 4x6 nền trắng", 1, 0)],
  ["Người hành nghề nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Y tế) hoặc trực tuyến.",
   "Sở Y tế kiểm tra hồ sơ, thông báo bổ sung nếu chưa đủ.",
   "Hội đồng tư vấn cấp giấy phép hành nghề thẩm định; xác minh văn bằng nếu cần.",
   "Giám đốc Sở Y tế cấp giấy phép (chứng chỉ) hành nghề; cập nhật trên Hệ thống thông tin quản lý hoạt động khám bệnh, chữa bệnh."],
  "Giấy phép hành nghề khám bệnh, chữa bệnh (theo Luật KBCB 2023 thay cho tên gọi chứng chỉ hành nghề; thời hạn 05 năm, gia hạn theo quy định).",
  "Có văn bằng chuyên môn phù hợp; đã hoàn thành thời gian thực hành; đủ sức khỏe; không thuộc trường hợp bị cấm hành nghề, đang chấp hành án hình sự. Từ 01/01/2024 thực hiện theo Luật Khám bệnh, chữa bệnh số 15/2023/QH15 (chứng chỉ hành nghề cấp trước đó vẫn có giá trị).",
  ["Luật Khám bệnh, chữa bệnh số 15/2023/QH15", "Nghị định số 96/2023/NĐ-CP quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh", "Thông tư số 32/2023/TT-BYT", "Thông tư số 59/2023/TT-BTC quy định mức thu phí trong lĩnh vực y tế"],
  ["chứng chỉ hành nghề bác sĩ", "cchn khám chữa bệnh", "giấy phép hành nghề y", "chung chi hanh nghe kham chua benh", "cchn điều dưỡng"], "YT")

R("BG-YT-002", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm", "tinh", "SO_Y_TE",
  "Chi cục An toàn vệ sinh thực phẩm - Sở Y tế tỉnh Bắc Giang", "Giám đốc Sở Y tế (Chi cục trưởng Chi cục ATVSTP theo phân cấp)", "TINH",
  C("tt,tuyen,bc", "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (thẩm định thực tế tại cơ sở trong thời hạn này)", 20,
    "Phí thẩm định: cơ sở kinh doanh dịch vụ ăn uống phục vụ dưới 200 suất ăn 700.000 đồng/lần; từ 200 suất ăn trở lên 1.000.000 đồng/lần; cơ sở sản xuất thực phẩm (trừ nhỏ lẻ) 3.000.000 đồng/lần; cơ sở sản xuất nhỏ lẻ 500.000 đồng/lần", 700000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 1, 0, "Mẫu số 01 Phụ lục I ban hành kèm Thông tư số 43/2018/TT-BYT"),
   D("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm", 1, 0),
   D("Giấy xác nhận đủ sức khỏe/danh sách kết quả khám sức khỏe của chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm", 0, 1),
   D("Giấy xác nhận đã được tập huấn kiến thức về an toàn thực phẩm", 0, 1),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh có ngành nghề phù hợp", 0, 1)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Chi cục ATVSTP kiểm tra tính hợp lệ của hồ sơ (05 ngày làm việc).",
   "Thành lập đoàn thẩm định thực tế tại cơ sở; lập biên bản thẩm định.",
   "Cấp Giấy chứng nhận nếu đạt; nếu chưa đạt, cơ sở khắc phục trong 30 ngày để thẩm định lại."],
  "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
  "Cơ sở sản xuất, kinh doanh thực phẩm, dịch vụ ăn uống (nhà hàng, bếp ăn tập thể, suất ăn công nghiệp) thuộc phạm vi quản lý của ngành Y tế; không thuộc diện miễn cấp (cơ sở nhỏ lẻ, sơ chế nhỏ lẻ, kinh doanh thực phẩm bao gói sẵn, thức ăn đường phố chỉ phải cam kết). Đáp ứng điều kiện tại Điều 19 - 24 Luật An toàn thực phẩm.",
  ["Luật An toàn thực phẩm số 55/2010/QH12", "Nghị định số 15/2018/NĐ-CP quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm", "Thông tư số 43/2018/TT-BYT", "Thông tư số 67/2021/TT-BTC quy định mức thu phí trong công tác an toàn thực phẩm"],
  ["giấy chứng nhận vệ sinh an toàn thực phẩm", "giấy attp", "attp nhà hàng", "giay chung nhan an toan thuc pham", "mở quán ăn cần giấy tờ gì"], "YT")

R("BG-YT-003", "Cấp Chứng chỉ hành nghề dược", "Dược phẩm", "tinh", "SO_Y_TE", SYT, "Giám đốc Sở Y tế", "TINH",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (không phải xin ý kiến Hội đồng tư vấn: 10 ngày)", 20,
    "Phí thẩm định cấp chứng chỉ hành nghề dược: 500.000 đồng/hồ sơ", 500000),
  "mot_phan",
  [D("Đơn đề nghị cấp Chứng chỉ hành nghề dược", 1, 0, "Mẫu số 02 Phụ lục I ban hành kèm Nghị định số 54/2017/NĐ-CP (sửa đổi bởi Nghị định số 155/2018/NĐ-CP)"),
   D("Bản sao văn bằng chuyên môn (dược sĩ đại học, cao đẳng, trung cấp dược…)", 0, 1),
   D("Giấy chứng nhận đủ sức khỏe để hành nghề dược (cấp trong 12 tháng)", 1, 0),
   D("Giấy xác nhận thời gian thực hành chuyên môn tại cơ sở dược phù hợp", 1, 0),
   D("02 ảnh 4x6 cm chụp trong 06 tháng; Phiếu lý lịch tư pháp (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)", 2, 0)],
  ["Người đề nghị nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Y tế kiểm tra hồ sơ.",
   "Hội đồng tư vấn cấp chứng chỉ hành nghề dược xem xét (nếu cần).",
   "Giám đốc Sở Y tế cấp Chứng chỉ hành nghề dược."],
  "Chứng chỉ hành nghề dược (không thời hạn).",
  "Có văn bằng chuyên môn phù hợp vị trí hành nghề; thời gian thực hành (ví dụ: người phụ trách chuyên môn nhà thuốc phải có bằng dược sĩ đại học và 02 năm thực hành); đủ sức khỏe; không thuộc trường hợp bị cấm hành nghề.",
  ["Luật Dược số 105/2016/QH13 (sửa đổi bởi Luật số 44/2024/QH15)", "Nghị định số 54/2017/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Dược (sửa đổi bởi Nghị định số 155/2018/NĐ-CP)", "Thông tư số 277/2016/TT-BTC quy định mức thu phí trong lĩnh vực dược, mỹ phẩm"],
  ["chứng chỉ hành nghề dược", "cchn dược", "chung chi hanh nghe duoc", "mở nhà thuốc cần chứng chỉ"], "YT")

R("BG-YT-004", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với nhà thuốc", "Dược phẩm", "tinh", "SO_Y_TE", SYT, "Giám đốc Sở Y tế", "TINH",
  C("tt,tuyen,bc", "20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm đánh giá thực tế đáp ứng GPP tại cơ sở)", 20,
    "Phí thẩm định điều kiện kinh doanh thuốc (bán lẻ) tại địa bàn: 1.000.000 đồng/lần (theo Thông tư số 277/2016/TT-BTC, mức khác nhau theo vùng)", 1000000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", 1, 0, "Mẫu số 19 Phụ lục I ban hành kèm Nghị định số 54/2017/NĐ-CP"),
   D("Tài liệu kỹ thuật về địa điểm, trang thiết bị, nhân sự, hệ thống quản lý chất lượng của nhà thuốc", 1, 0),
   D("Bản sao Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn", 0, 1)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Y tế kiểm tra hồ sơ, tổ chức đánh giá thực tế tại cơ sở theo nguyên tắc GPP.",
   "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược và Giấy chứng nhận đạt GPP."],
  "Giấy chứng nhận đủ điều kiện kinh doanh dược; Giấy chứng nhận đạt Thực hành tốt cơ sở bán lẻ thuốc (GPP).",
  "Người chịu trách nhiệm chuyên môn có Chứng chỉ hành nghề dược phù hợp; cơ sở đáp ứng GPP (diện tích, trang thiết bị bảo quản, phần mềm quản lý, kết nối liên thông dữ liệu).",
  ["Luật Dược số 105/2016/QH13 (sửa đổi bởi Luật số 44/2024/QH15)", "Nghị định số 54/2017/NĐ-CP", "Thông tư số 02/2018/TT-BYT quy định về Thực hành tốt cơ sở bán lẻ thuốc"],
  ["mở nhà thuốc", "giấy phép nhà thuốc", "gpp nhà thuốc", "mo hieu thuoc", "đủ điều kiện kinh doanh dược"], "YT")

R("BG-YT-005", "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa", "Khám bệnh, chữa bệnh", "tinh", "SO_Y_TE", SYT, "Giám đốc Sở Y tế", "TINH",
  C("tt,tuyen,bc", "45 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm thẩm định tại cơ sở)", 45,
    "Phí thẩm định cấp giấy phép hoạt động phòng khám: 4.300.000 đồng/hồ sơ", 4300000),
  "mot_phan",
  [D("Đơn đề nghị cấp giấy phép hoạt động", 1, 0, "Mẫu ban hành kèm Nghị định số 96/2023/NĐ-CP"),
   D("Bản sao quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1),
   D("Danh sách người hành nghề kèm giấy phép hành nghề; danh mục thiết bị y tế; hồ sơ nhân sự", 1, 0),
   D("Bản kê khai cơ sở vật chất; giấy tờ chứng minh quyền sử dụng địa điểm", 1, 1)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Y tế kiểm tra hồ sơ, thành lập đoàn thẩm định thực tế.",
   "Cơ sở khắc phục tồn tại (nếu có).",
   "Giám đốc Sở Y tế cấp giấy phép hoạt động và phê duyệt danh mục kỹ thuật chuyên môn."],
  "Giấy phép hoạt động khám bệnh, chữa bệnh.",
  "Người chịu trách nhiệm chuyên môn có giấy phép hành nghề và thời gian hành nghề từ đủ 36 tháng; cơ sở vật chất, thiết bị đáp ứng quy định; nhân sự phù hợp phạm vi hoạt động chuyên môn.",
  ["Luật Khám bệnh, chữa bệnh số 15/2023/QH15", "Nghị định số 96/2023/NĐ-CP", "Thông tư số 59/2023/TT-BTC"],
  ["mở phòng khám", "giấy phép phòng khám", "giay phep hoat dong phong kham", "phòng khám tư nhân"], "YT")

R("BG-YT-006", "Khám giám định thương tật lần đầu do tai nạn lao động", "Giám định y khoa", "tinh", "SO_Y_TE",
  "Hội đồng Giám định y khoa tỉnh Bắc Giang (Trung tâm Giám định y khoa - Sở Y tế)", "Chủ tịch Hội đồng Giám định y khoa tỉnh", "Trung tâm Giám định y khoa tỉnh Bắc Giang",
  C("tt,bc", "60 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (khám và ban hành biên bản giám định)", 60,
    "Phí giám định y khoa: theo Thông tư số 243/2016/TT-BTC (do người sử dụng lao động chi trả đối với tai nạn lao động)", None),
  "thong_tin",
  [D("Giấy giới thiệu của người sử dụng lao động hoặc giấy đề nghị khám giám định", 1, 0, "Mẫu ban hành kèm Thông tư số 56/2017/TT-BYT"),
   D("Biên bản điều tra tai nạn lao động", 0, 1),
   D("Giấy chứng nhận thương tích/giấy ra viện do cơ sở y tế cấp", 0, 1),
   D("Giấy tờ tùy thân có ảnh", 0, 1)],
  ["Người lao động hoặc người sử dụng lao động gửi hồ sơ đến Hội đồng Giám định y khoa tỉnh.",
   "Hội đồng tiếp nhận, lập kế hoạch khám; người lao động đến khám theo lịch hẹn.",
   "Hội đồng họp, kết luận tỷ lệ tổn thương cơ thể.",
   "Ban hành Biên bản giám định y khoa; gửi người lao động, người sử dụng lao động."],
  "Biên bản giám định y khoa (tỷ lệ suy giảm khả năng lao động) làm căn cứ hưởng chế độ tai nạn lao động.",
  "Người lao động bị tai nạn lao động đã điều trị ổn định thương tật.",
  ["Luật An toàn, vệ sinh lao động số 84/2015/QH13", "Thông tư số 56/2017/TT-BYT quy định chi tiết thi hành Luật BHXH và Luật ATVSLĐ thuộc lĩnh vực y tế", "Thông tư số 243/2016/TT-BTC"],
  ["giám định tai nạn lao động", "giám định y khoa", "giam dinh thuong tat", "tỷ lệ thương tật"], "YT")


# =========================================================================== SỞ CÔNG THƯƠNG
SCT = "Sở Công Thương tỉnh Bắc Giang"

R("BG-CTH-001", "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "Kinh doanh khí, xăng dầu", "tinh", "SO_CONG_THUONG", SCT, "Giám đốc Sở Công Thương", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm kiểm tra thực tế cửa hàng)", 15,
    "Phí thẩm định điều kiện kinh doanh: 600.000 đồng/cửa hàng (tại thành phố trực thuộc trung ương: 1.200.000 đồng)", 600000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", 1, 0, "Mẫu số 10 Phụ lục ban hành kèm Nghị định số 83/2014/NĐ-CP (sửa đổi bởi Nghị định số 95/2021/NĐ-CP, 80/2023/NĐ-CP)"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1),
   D("Bản sao giấy phép xây dựng/hồ sơ thiết kế cửa hàng; văn bản nghiệm thu về phòng cháy và chữa cháy", 0, 1),
   D("Bản sao giấy chứng nhận đào tạo nghiệp vụ PCCC, an toàn của cán bộ quản lý và nhân viên cửa hàng", 0, 1),
   D("Giấy tờ chứng minh cửa hàng thuộc sở hữu hoặc đồng sở hữu/thuê với thời hạn từ 05 năm trở lên", 0, 1)],
  ["Thương nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Công Thương kiểm tra hồ sơ (thông báo bổ sung trong 03 ngày làm việc).",
   "Tổ chức kiểm tra thực tế điều kiện của cửa hàng.",
   "Giám đốc Sở Công Thương cấp Giấy chứng nhận."],
  "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu (thời hạn 05 năm).",
  "Thương nhân là thương nhân phân phối, tổng đại lý, đại lý bán lẻ hoặc nhận quyền bán lẻ; cửa hàng phù hợp quy hoạch mạng lưới, được xây dựng theo QCVN về cửa hàng xăng dầu; có trang thiết bị PCCC, bảo vệ môi trường; nhân viên được đào tạo nghiệp vụ.",
  ["Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu (sửa đổi bởi Nghị định số 95/2021/NĐ-CP và Nghị định số 80/2023/NĐ-CP)", "Thông tư số 168/2016/TT-BTC quy định phí thẩm định kinh doanh thương mại có điều kiện"],
  ["giấy phép cây xăng", "mở cây xăng", "cửa hàng xăng dầu", "giay chung nhan ban le xang dau", "cay xang"], "CTH")

R("BG-CTH-002", "Cấp Giấy phép bán buôn rượu trên địa bàn tỉnh", "Lưu thông hàng hóa trong nước", "tinh", "SO_CONG_THUONG", SCT, "Giám đốc Sở Công Thương", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10,
    "Phí thẩm định: 1.100.000 đồng/giấy phép (tại thành phố trực thuộc trung ương: 2.200.000 đồng)", 1100000),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy phép bán buôn rượu", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Nghị định số 105/2017/NĐ-CP"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1),
   D("Giấy tờ chứng minh quyền sử dụng kho hoặc hệ thống kho có diện tích từ 50 m² trở lên (hoặc dung tích 100 m³)", 0, 1),
   D("Bản sao hợp đồng/văn bản giới thiệu của thương nhân sản xuất, phân phối rượu; bảng kê hệ thống bán lẻ", 0, 1)],
  ["Thương nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Công Thương kiểm tra hồ sơ, điều kiện kho bãi.",
   "Cấp Giấy phép bán buôn rượu (thời hạn 05 năm)."],
  "Giấy phép bán buôn rượu.",
  "Doanh nghiệp có ngành nghề bán buôn đồ uống có cồn; có kho chứa phù hợp; có hệ thống bán buôn/bán lẻ trên địa bàn tỉnh; nguồn rượu hợp pháp.",
  ["Nghị định số 105/2017/NĐ-CP về kinh doanh rượu (sửa đổi bởi Nghị định số 17/2020/NĐ-CP)", "Thông tư số 168/2016/TT-BTC"],
  ["giấy phép bán buôn rượu", "phân phối rượu", "ban buon ruou"], "CTH")

R("BG-CTH-003", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc phạm vi quản lý của ngành Công Thương", "An toàn thực phẩm", "tinh", "SO_CONG_THUONG", SCT, "Giám đốc Sở Công Thương", "TINH",
  C("tt,tuyen,bc", "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm thẩm định thực tế)", 20,
    "Phí thẩm định: cơ sở sản xuất nhỏ lẻ 500.000 đồng/lần; cơ sở sản xuất khác 2.500.000 - 3.000.000 đồng/lần; cơ sở kinh doanh 1.000.000 đồng/lần", 1000000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 1, 0, "Mẫu số 01a/01b ban hành kèm Thông tư số 43/2018/TT-BCT"),
   D("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ", 1, 0),
   D("Danh sách người sản xuất, kinh doanh đã được tập huấn kiến thức ATTP và xác nhận đủ sức khỏe", 1, 0),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Công Thương kiểm tra hồ sơ.",
   "Thẩm định thực tế tại cơ sở.",
   "Cấp Giấy chứng nhận nếu đạt yêu cầu."],
  "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
  "Cơ sở sản xuất, kinh doanh rượu, bia, nước giải khát, sữa chế biến, dầu thực vật, bánh kẹo, bột, tinh bột…; chợ đầu mối, siêu thị kinh doanh tổng hợp thực phẩm (thuộc quản lý ngành Công Thương).",
  ["Luật An toàn thực phẩm số 55/2010/QH12", "Nghị định số 15/2018/NĐ-CP", "Thông tư số 43/2018/TT-BCT quy định về quản lý an toàn thực phẩm thuộc trách nhiệm của Bộ Công Thương", "Thông tư số 67/2021/TT-BTC"],
  ["attp công thương", "giấy attp cho xưởng bánh kẹo", "an toàn thực phẩm nước giải khát"], "CTH")

R("BG-CTH-004", "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", "Kinh doanh khí, xăng dầu", "tinh", "SO_CONG_THUONG", SCT, "Giám đốc Sở Công Thương", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15,
    "Phí thẩm định: 600.000 đồng/cửa hàng (tại thành phố trực thuộc trung ương: 1.200.000 đồng)", 600000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Nghị định số 87/2018/NĐ-CP"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1),
   D("Tài liệu chứng minh đáp ứng điều kiện về phòng cháy và chữa cháy; giấy chứng nhận huấn luyện kỹ thuật an toàn của nhân viên", 0, 1)],
  ["Thương nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Công Thương kiểm tra hồ sơ, kiểm tra thực tế cửa hàng.",
   "Cấp Giấy chứng nhận (thời hạn 10 năm)."],
  "Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai.",
  "Cửa hàng có đăng ký kinh doanh khí; đáp ứng QCVN về cửa hàng LPG chai, PCCC; nhân viên được huấn luyện an toàn.",
  ["Nghị định số 87/2018/NĐ-CP về kinh doanh khí", "Thông tư số 168/2016/TT-BTC"],
  ["cửa hàng gas", "giấy phép bán gas", "ban le gas lpg", "kinh doanh gas"], "CTH")

R("BG-CTH-005", "Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi trên địa bàn một tỉnh", "Xúc tiến thương mại", "tinh", "SO_CONG_THUONG", SCT, "Giám đốc Sở Công Thương", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đăng ký thực hiện khuyến mại", 1, 0, "Mẫu số 02 Phụ lục ban hành kèm Nghị định số 81/2018/NĐ-CP"),
   D("Thể lệ chương trình khuyến mại", 1, 0, "Mẫu số 03 Phụ lục ban hành kèm Nghị định số 81/2018/NĐ-CP"),
   D("Mẫu vé số dự thưởng; hình ảnh hàng hóa khuyến mại và hàng hóa dùng để khuyến mại; bản sao giấy tờ chứng nhận chất lượng (nếu có)", 0, 1)],
  ["Thương nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến (qua Hệ thống quản lý hoạt động khuyến mại).",
   "Sở Công Thương xem xét thể lệ, giá trị giải thưởng.",
   "Ban hành văn bản xác nhận đăng ký thực hiện khuyến mại."],
  "Văn bản xác nhận đăng ký thực hiện khuyến mại.",
  "Chương trình khuyến mại mang tính may rủi (bốc thăm, cào trúng thưởng…) chỉ thực hiện trên địa bàn tỉnh Bắc Giang; tổng giá trị giải thưởng không quá 50% tổng giá trị hàng hóa khuyến mại.",
  ["Luật Thương mại số 36/2005/QH11", "Nghị định số 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại"],
  ["đăng ký khuyến mại", "bốc thăm trúng thưởng", "dang ky khuyen mai", "chương trình cào trúng thưởng"], "CTH")


# =========================================================================== SỞ GIÁO DỤC VÀ ĐÀO TẠO
SGD = "Sở Giáo dục và Đào tạo tỉnh Bắc Giang"

R("BG-GD-001", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", "tinh", "SO_GD_DT", SGD + "; trường THPT nơi đi và nơi đến",
  "Giám đốc Sở Giáo dục và Đào tạo (chuyển đến từ tỉnh khác); Hiệu trưởng trường THPT nơi đến", "TINH",
  C("tt,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 3, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký", 1, 0),
   D("Học bạ (bản chính)", 1, 0),
   D("Giấy chứng nhận trúng tuyển vào lớp 10 (đối với học sinh lớp 10); giấy giới thiệu chuyển trường của Hiệu trưởng trường nơi đi", 1, 0),
   D("Giấy giới thiệu chuyển trường của Sở Giáo dục và Đào tạo nơi đi (nếu chuyển từ tỉnh khác); giấy xác nhận cư trú mới (nếu có)", 1, 0)],
  ["Cha mẹ học sinh nộp hồ sơ tại trường THPT nơi đến (trong tỉnh) hoặc Sở GD&ĐT (chuyển từ tỉnh khác đến).",
   "Trường nơi đến đồng ý tiếp nhận; Sở GD&ĐT cấp giấy giới thiệu chuyển trường (nếu chuyển ngoài tỉnh hoặc giữa các trường trong tỉnh theo quy định).",
   "Trường nơi đến tiếp nhận học sinh, xếp lớp."],
  "Học sinh được tiếp nhận vào trường THPT nơi đến.",
  "Học sinh chuyển nơi cư trú theo cha mẹ/người giám hộ hoặc có hoàn cảnh đặc biệt; trường nơi đến còn chỉ tiêu; thời điểm chuyển trường trong kỳ nghỉ hè hoặc kết thúc học kỳ I. Học sinh lớp 10 chuyển trường phải có điểm thi tuyển sinh vào lớp 10 không thấp hơn điểm chuẩn của trường nơi đến (nếu trường tổ chức thi tuyển).",
  ["Quyết định số 51/2002/QĐ-BGDĐT ban hành Quy định chuyển trường và tiếp nhận học sinh học tại trường THCS, THPT", "Thông tư số 50/2021/TT-BGDĐT sửa đổi, bổ sung Quy định chuyển trường"],
  ["chuyển trường cấp 3", "chuyển trường thpt", "chuyen truong lop 10", "xin chuyển trường cho con học cấp 3"], "GD")

R("BG-GD-002", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ", "tinh", "SO_GD_DT",
  SGD + " (đối với bằng tốt nghiệp THPT, bổ túc THPT, chứng chỉ do Sở cấp)", "Giám đốc Sở Giáo dục và Đào tạo", "TINH",
  C("tt,tuyen,bc", "Ngay trong ngày tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu nhận sau 15 giờ; trường hợp cần xác minh sổ gốc không quá 03 ngày làm việc", None,
    "Phí cấp bản sao: theo quy định (tham khảo 3.000 đồng/trang, tối đa 50.000 đồng/bản)", None),
  "toan_trinh",
  [D("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc (ghi rõ họ tên, năm tốt nghiệp, hội đồng thi, số hiệu văn bằng nếu biết)", 1, 0, "Mẫu ban hành kèm Thông tư số 21/2019/TT-BGDĐT"),
   D("Thẻ căn cước/hộ chiếu của người được cấp văn bằng (xuất trình); giấy ủy quyền nếu người khác đi thay", 0, 1)],
  ["Người được cấp văn bằng (hoặc người đại diện, người thân: cha mẹ, con, vợ chồng, anh chị em ruột, người thừa kế) nộp đơn tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến/qua bưu chính.",
   "Sở Giáo dục và Đào tạo tra cứu sổ gốc cấp văn bằng, chứng chỉ.",
   "Lãnh đạo Sở ký cấp bản sao từ sổ gốc; trả kết quả."],
  "Bản sao bằng tốt nghiệp THPT/chứng chỉ từ sổ gốc (có giá trị sử dụng thay cho bản chính).",
  "Văn bằng, chứng chỉ do Sở Giáo dục và Đào tạo Bắc Giang (hoặc Hội đồng thi trên địa bàn) cấp và còn lưu sổ gốc. Bằng tốt nghiệp THCS do Phòng GD&ĐT cấp thì yêu cầu tại Phòng GD&ĐT cấp huyện.",
  ["Thông tư số 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp THCS, THPT, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân", "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực"],
  ["mất bằng cấp 3", "xin bản sao bằng tốt nghiệp", "ban sao van bang tu so goc", "mất bằng tốt nghiệp thpt", "sao bằng từ sổ gốc"], "GD")

R("BG-GD-003", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "Văn bằng, chứng chỉ", "tinh", "SO_GD_DT", SGD, "Giám đốc Sở Giáo dục và Đào tạo", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị chỉnh sửa nội dung văn bằng, chứng chỉ", 1, 0, "Mẫu ban hành kèm Thông tư số 21/2019/TT-BGDĐT"),
   D("Văn bằng, chứng chỉ đề nghị chỉnh sửa (bản chính)", 1, 0),
   D("Trích lục hoặc quyết định thay đổi, cải chính hộ tịch, xác định lại dân tộc, xác định lại giới tính", 0, 1),
   D("Giấy khai sinh (trường hợp chỉnh sửa ngày tháng năm sinh, quê quán)", 0, 1)],
  ["Người có văn bằng nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Giáo dục và Đào tạo kiểm tra, đối chiếu sổ gốc và căn cứ chỉnh sửa.",
   "Giám đốc Sở ra quyết định chỉnh sửa; ghi nội dung chỉnh sửa vào sổ gốc."],
  "Quyết định chỉnh sửa văn bằng, chứng chỉ.",
  "Người được cấp văn bằng đã được cải chính hộ tịch, thay đổi họ tên, xác định lại dân tộc, giới tính; hoặc văn bằng bị ghi sai do lỗi của cơ quan cấp.",
  ["Thông tư số 21/2019/TT-BGDĐT"],
  ["sửa tên trên bằng tốt nghiệp", "chỉnh sửa văn bằng", "sai ngày sinh trên bằng", "chinh sua van bang"], "GD")

R("BG-GD-004", "Tuyển sinh trung học phổ thông", "Giáo dục trung học", "tinh", "SO_GD_DT", SGD + "; các trường THPT", "Giám đốc Sở Giáo dục và Đào tạo", "TINH",
  C("tt,tuyen", "Theo kế hoạch tuyển sinh hằng năm của UBND tỉnh (đăng ký dự thi khoảng tháng 4 - 5, thi tháng 6, công bố kết quả tháng 7)", None,
    "Không thu lệ phí dự tuyển (trừ các khoản thu theo quy định của HĐND tỉnh nếu có)", 0),
  "toan_trinh",
  [D("Phiếu đăng ký dự tuyển vào lớp 10 (đăng ký trực tuyến trên hệ thống tuyển sinh của tỉnh)", 1, 0),
   D("Bằng tốt nghiệp THCS hoặc giấy chứng nhận tốt nghiệp THCS tạm thời; học bạ THCS", 1, 0),
   D("Bản sao giấy khai sinh; giấy xác nhận chế độ ưu tiên, khuyến khích (nếu có)", 0, 1)],
  ["Học sinh đăng ký dự tuyển (trực tuyến hoặc qua trường THCS) theo nguyện vọng.",
   "Sở GD&ĐT tổ chức kỳ thi tuyển sinh vào lớp 10 (môn Toán, Ngữ văn, Tiếng Anh; môn chuyên đối với trường chuyên).",
   "Sở GD&ĐT duyệt điểm chuẩn, danh sách trúng tuyển.",
   "Học sinh xác nhận nhập học tại trường trúng tuyển."],
  "Danh sách trúng tuyển vào lớp 10; Giấy báo trúng tuyển.",
  "Học sinh đã tốt nghiệp THCS, trong độ tuổi quy định.",
  ["Thông tư số 30/2024/TT-BGDĐT ban hành Quy chế tuyển sinh THCS và THPT", "Kế hoạch tuyển sinh hằng năm của UBND tỉnh Bắc Giang"],
  ["thi vào lớp 10", "tuyển sinh lớp 10", "tuyen sinh 10 bac giang", "thi cấp 3"], "GD")

R("BG-GD-005", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "Thi, tuyển sinh", "tinh", "SO_GD_DT", SGD, "Giám đốc Sở Giáo dục và Đào tạo (Hội đồng thi)", "Trường THPT nơi thí sinh đăng ký dự thi hoặc Sở Giáo dục và Đào tạo",
  C("tt,tuyen", "Nhận đơn trong 10 ngày kể từ ngày công bố kết quả thi; công bố kết quả phúc khảo chậm nhất 15 ngày kể từ ngày hết hạn nhận đơn", None,
    "Phí phúc khảo: theo Nghị quyết HĐND tỉnh Bắc Giang (tham khảo 30.000 đồng/bài thi)", 30000),
  "mot_phan",
  [D("Đơn đề nghị phúc khảo bài thi (hoặc đăng ký trực tuyến trên Hệ thống quản lý thi)", 1, 0)],
  ["Thí sinh nộp đơn phúc khảo tại nơi đăng ký dự thi hoặc trực tuyến.",
   "Nơi tiếp nhận tổng hợp, chuyển Sở GD&ĐT.",
   "Hội đồng thi tổ chức phúc khảo bài thi tự luận (Ngữ văn) và bài thi trắc nghiệm.",
   "Công bố kết quả phúc khảo; điều chỉnh điểm và công nhận tốt nghiệp (nếu thay đổi)."],
  "Thông báo kết quả phúc khảo.",
  "Thí sinh dự kỳ thi tốt nghiệp THPT tại Hội đồng thi của Sở GD&ĐT Bắc Giang.",
  ["Thông tư số 24/2024/TT-BGDĐT ban hành Quy chế thi tốt nghiệp trung học phổ thông"],
  ["phúc khảo điểm thi", "phuc khao thi tot nghiep", "chấm lại bài thi", "phúc khảo thpt"], "GD")


# =========================================================================== SỞ NÔNG NGHIỆP VÀ PTNT
SNN = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang"

R("BG-NN-001", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản", "Quản lý chất lượng nông lâm sản và thủy sản", "tinh", "SO_NN_PTNT",
  SNN + " (Chi cục Quản lý chất lượng nông lâm sản và thủy sản)", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm thẩm định tại cơ sở)", 15,
    "Phí thẩm định điều kiện bảo đảm ATTP: 700.000 đồng/lần đối với cơ sở sản xuất, kinh doanh; 450.000 đồng đối với cơ sở kinh doanh nhỏ", 700000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Thông tư số 38/2018/TT-BNNPTNT (sửa đổi bởi Thông tư số 32/2022/TT-BNNPTNT)"),
   D("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện ATTP", 1, 0, "Mẫu số 02 Phụ lục ban hành kèm Thông tư số 38/2018/TT-BNNPTNT"),
   D("Danh sách chủ cơ sở, người trực tiếp sản xuất, kinh doanh đã được xác nhận kiến thức ATTP và đủ sức khỏe", 1, 0)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Chi cục Quản lý chất lượng NLS&TS kiểm tra hồ sơ.",
   "Thẩm định, đánh giá xếp loại điều kiện ATTP tại cơ sở (xếp loại A, B đạt yêu cầu).",
   "Cấp Giấy chứng nhận cho cơ sở đạt yêu cầu."],
  "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).",
  "Cơ sở sản xuất, kinh doanh nông, lâm, thủy sản (giết mổ gia súc gia cầm, sơ chế rau quả, chế biến thủy sản, kinh doanh vải thiều tươi đóng gói…) thuộc phạm vi quản lý của ngành Nông nghiệp; không thuộc diện miễn cấp (sản xuất ban đầu nhỏ lẻ chỉ ký cam kết).",
  ["Luật An toàn thực phẩm số 55/2010/QH12", "Nghị định số 15/2018/NĐ-CP", "Thông tư số 38/2018/TT-BNNPTNT (sửa đổi bởi Thông tư số 32/2022/TT-BNNPTNT)", "Thông tư số 44/2018/TT-BTC quy định phí trong công tác an toàn thực phẩm (nông nghiệp)"],
  ["attp nông sản", "giấy attp lò mổ", "an toan thuc pham nong lam thuy san", "giấy chứng nhận attp cơ sở giết mổ"], "NN")

R("BG-NN-002", "Cấp Giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh", "Thú y", "tinh", "SO_NN_PTNT",
  "Chi cục Chăn nuôi và Thú y tỉnh Bắc Giang (các Trạm Chăn nuôi và Thú y cấp huyện)", "Chi cục trưởng Chi cục Chăn nuôi và Thú y", "Chi cục Chăn nuôi và Thú y tỉnh Bắc Giang hoặc Trạm Chăn nuôi và Thú y nơi xuất phát",
  C("tt,tuyen", "01 ngày làm việc đối với động vật xuất phát từ cơ sở an toàn dịch bệnh/đã được giám sát; không quá 04 ngày làm việc trong trường hợp phải cách ly kiểm dịch, xét nghiệm", 1,
    "Phí, lệ phí kiểm dịch động vật: theo Thông tư số 101/2020/TT-BTC (lệ phí cấp giấy chứng nhận 40.000 đồng/lần; phí kiểm tra lâm sàng theo lô, loài vật)", 40000),
  "mot_phan",
  [D("Giấy đăng ký kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh", 1, 0, "Mẫu 1 Phụ lục V ban hành kèm Thông tư số 25/2016/TT-BNNPTNT (sửa đổi bởi Thông tư số 35/2018/TT-BNNPTNT)"),
   D("Bản sao giấy chứng nhận cơ sở an toàn dịch bệnh hoặc giấy chứng nhận tiêm phòng, kết quả xét nghiệm (nếu có)", 0, 1)],
  ["Chủ hàng đăng ký kiểm dịch với cơ quan thú y trước khi vận chuyển.",
   "Cơ quan thú y kiểm tra hồ sơ, kiểm tra lâm sàng, lấy mẫu xét nghiệm (nếu chưa được giám sát dịch bệnh).",
   "Giám sát việc bốc xếp động vật lên phương tiện, niêm phong phương tiện (nếu cần).",
   "Cấp Giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh."],
  "Giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh.",
  "Động vật khỏe mạnh, có nguồn gốc rõ ràng, đã được tiêm phòng các bệnh theo quy định hoặc xuất phát từ cơ sở an toàn dịch bệnh.",
  ["Luật Thú y số 79/2015/QH13", "Thông tư số 25/2016/TT-BNNPTNT quy định về kiểm dịch động vật, sản phẩm động vật trên cạn (sửa đổi bởi Thông tư số 35/2018/TT-BNNPTNT)", "Thông tư số 101/2020/TT-BTC quy định mức thu phí, lệ phí trong công tác thú y"],
  ["kiểm dịch lợn xuất tỉnh", "giấy kiểm dịch gà", "kiem dich dong vat van chuyen", "chở lợn đi tỉnh khác"], "NN")

R("BG-NN-003", "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "Bảo vệ thực vật", "tinh", "SO_NN_PTNT",
  "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Bắc Giang", "Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm kiểm tra thực tế)", 15,
    "Phí thẩm định: 500.000 đồng/cơ sở (theo Thông tư số 33/2021/TT-BTC)", 500000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", 1, 0, "Mẫu số 20 Phụ lục XV ban hành kèm Thông tư số 21/2015/TT-BNNPTNT"),
   D("Bản thuyết minh điều kiện buôn bán thuốc BVTV", 1, 0),
   D("Bản sao văn bằng trung cấp trở lên chuyên ngành BVTV, trồng trọt, nông học, hóa học, sinh học hoặc giấy chứng nhận bồi dưỡng chuyên môn về thuốc BVTV", 0, 1)],
  ["Cơ sở nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Chi cục Trồng trọt và BVTV kiểm tra hồ sơ, đánh giá điều kiện thực tế tại cơ sở.",
   "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc BVTV."],
  "Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật (thời hạn 05 năm).",
  "Chủ cơ sở/người trực tiếp bán có chuyên môn phù hợp; cửa hàng, kho chứa đáp ứng quy định an toàn, cách xa trường học, nguồn nước, chợ…",
  ["Luật Bảo vệ và kiểm dịch thực vật số 41/2013/QH13", "Nghị định số 66/2016/NĐ-CP quy định điều kiện đầu tư kinh doanh về bảo vệ và kiểm dịch thực vật (sửa đổi bởi Nghị định số 123/2018/NĐ-CP)", "Thông tư số 21/2015/TT-BNNPTNT về quản lý thuốc BVTV"],
  ["bán thuốc trừ sâu", "cửa hàng thuốc bảo vệ thực vật", "thuoc bvtv giay phep"], "NN")

R("BG-NN-004", "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón", "Trồng trọt", "tinh", "SO_NN_PTNT",
  "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Bắc Giang", "Chi cục trưởng Chi cục Trồng trọt và Bảo vệ thực vật", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15,
    "Phí thẩm định điều kiện buôn bán phân bón: 500.000 đồng/cơ sở", 500000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón", 1, 0, "Mẫu số 10 Phụ lục I ban hành kèm Nghị định số 84/2019/NĐ-CP"),
   D("Bản sao giấy chứng nhận bồi dưỡng chuyên môn về phân bón hoặc văn bằng trung cấp trở lên chuyên ngành phù hợp của người trực tiếp buôn bán", 0, 1)],
  ["Tổ chức, cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Chi cục kiểm tra hồ sơ, đánh giá điều kiện tại cơ sở.",
   "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón (không thời hạn)."],
  "Giấy chứng nhận đủ điều kiện buôn bán phân bón.",
  "Có địa điểm giao dịch hợp pháp; có khu vực chứa phân bón; người trực tiếp buôn bán được bồi dưỡng chuyên môn về phân bón.",
  ["Luật Trồng trọt số 31/2018/QH14", "Nghị định số 84/2019/NĐ-CP quy định về quản lý phân bón (sửa đổi bởi Nghị định số 130/2022/NĐ-CP)"],
  ["bán phân bón", "giấy phép buôn bán phân bón", "đại lý phân bón"], "NN")

R("BG-NN-005", "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi đối với chăn nuôi trang trại quy mô lớn", "Chăn nuôi", "tinh", "SO_NN_PTNT",
  "Chi cục Chăn nuôi và Thú y tỉnh Bắc Giang", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm đánh giá thực tế)", 15,
    "Phí thẩm định: theo Thông tư số 24/2021/TT-BTC (tham khảo 2.300.000 đồng/lần)", 2300000),
  "mot_phan",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện chăn nuôi", 1, 0, "Mẫu số 01.ĐKCN Phụ lục I ban hành kèm Nghị định số 13/2020/NĐ-CP"),
   D("Bản thuyết minh về điều kiện chăn nuôi", 1, 0, "Mẫu số 02.ĐKCN Phụ lục I ban hành kèm Nghị định số 13/2020/NĐ-CP")],
  ["Chủ trang trại nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Chi cục Chăn nuôi và Thú y kiểm tra hồ sơ, đánh giá điều kiện thực tế tại trang trại.",
   "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi."],
  "Giấy chứng nhận đủ điều kiện chăn nuôi.",
  "Trang trại quy mô lớn (từ 300 đơn vị vật nuôi trở lên); vị trí phù hợp quy hoạch, khoảng cách an toàn; có giấy phép môi trường/đăng ký môi trường; đủ nguồn nước, chuồng trại, xử lý chất thải.",
  ["Luật Chăn nuôi số 32/2018/QH14", "Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi (sửa đổi bởi Nghị định số 46/2022/NĐ-CP)"],
  ["trang trại chăn nuôi", "giấy chứng nhận đủ điều kiện chăn nuôi", "trại lợn quy mô lớn"], "NN")


# =========================================================================== SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
SVH = "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Giang"

R("BG-VH-001", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Văn hóa", "tinh", "SO_VH_TT_DL", SVH + " (hoặc UBND cấp huyện nếu được phân cấp)", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm kiểm tra thực tế)", 5,
    "Phí thẩm định tại thành phố, thị xã trực thuộc tỉnh: 4.000.000 đồng/giấy (01 - 03 phòng), 6.000.000 đồng (04 - 05 phòng), 12.000.000 đồng (từ 06 phòng); khu vực khác: 2.000.000/3.000.000/6.000.000 đồng", 4000000),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Nghị định số 54/2019/NĐ-CP"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1),
   D("Bản sao Giấy chứng nhận thẩm duyệt thiết kế và văn bản nghiệm thu về phòng cháy và chữa cháy (hoặc biên bản kiểm tra an toàn PCCC)", 0, 1)],
  ["Doanh nghiệp, hộ kinh doanh nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở VH,TT&DL kiểm tra hồ sơ (thông báo bổ sung trong 01 ngày làm việc).",
   "Thẩm định thực tế điều kiện phòng hát (diện tích từ 20 m², không đặt chốt cửa bên trong, thiết bị cách âm…).",
   "Cấp Giấy phép hoặc trả lời bằng văn bản, nêu rõ lý do."],
  "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke.",
  "Là doanh nghiệp hoặc hộ kinh doanh; bảo đảm điều kiện PCCC; phòng hát diện tích sử dụng từ 20 m² trở lên (không kể công trình phụ); không đặt chốt cửa hoặc thiết bị báo động ở trong phòng hát.",
  ["Nghị định số 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường", "Thông tư số 01/2021/TT-BTC quy định mức thu, chế độ thu, nộp phí thẩm định cấp giấy phép kinh doanh karaoke, vũ trường", "Luật Phòng cháy và chữa cháy"],
  ["giấy phép karaoke", "mở quán karaoke", "giay phep kinh doanh karaoke", "kinh doanh hát karaoke"], "VH")

R("BG-VH-002", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", "Văn hóa", "tinh", "SO_VH_TT_DL", SVH, "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5,
    "Phí thẩm định tại thành phố, thị xã trực thuộc tỉnh: 15.000.000 đồng/giấy phép; khu vực khác: 10.000.000 đồng", 15000000),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", 1, 0, "Mẫu số 02 Phụ lục ban hành kèm Nghị định số 54/2019/NĐ-CP"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1),
   D("Bản sao văn bản nghiệm thu về phòng cháy và chữa cháy", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở VH,TT&DL kiểm tra hồ sơ, thẩm định thực tế.",
   "Cấp Giấy phép."],
  "Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường.",
  "Là doanh nghiệp; phòng vũ trường có diện tích sử dụng từ 80 m² trở lên; cách trường học, bệnh viện, cơ sở tôn giáo, di tích từ 200 m trở lên; bảo đảm PCCC.",
  ["Nghị định số 54/2019/NĐ-CP", "Thông tư số 01/2021/TT-BTC"],
  ["giấy phép vũ trường", "mở bar", "quán bar vũ trường", "giay phep vu truong"], "VH")

R("BG-VH-003", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "Lữ hành", "tinh", "SO_VH_TT_DL", SVH, "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10,
    "Phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành nội địa: 3.000.000 đồng/giấy phép", 3000000),
  "toan_trinh",
  [D("Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", 1, 0, "Mẫu số 02 Phụ lục II ban hành kèm Thông tư số 06/2017/TT-BVHTTDL (sửa đổi bởi Thông tư số 04/2024/TT-BVHTTDL)"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1),
   D("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa (20.000.000 đồng)", 1, 0),
   D("Bản sao quyết định bổ nhiệm/hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành; văn bằng, chứng chỉ nghiệp vụ điều hành du lịch nội địa", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở VH,TT&DL thẩm định hồ sơ.",
   "Cấp Giấy phép; thông báo cho Tổng cục/Cục Du lịch quốc gia để cập nhật cơ sở dữ liệu."],
  "Giấy phép kinh doanh dịch vụ lữ hành nội địa.",
  "Là doanh nghiệp; ký quỹ 20 triệu đồng tại ngân hàng; người phụ trách kinh doanh lữ hành tốt nghiệp trung cấp trở lên chuyên ngành lữ hành hoặc có chứng chỉ nghiệp vụ điều hành du lịch nội địa.",
  ["Luật Du lịch số 09/2017/QH14", "Nghị định số 168/2017/NĐ-CP quy định chi tiết Luật Du lịch (sửa đổi bởi Nghị định số 94/2021/NĐ-CP)", "Thông tư số 06/2017/TT-BVHTTDL", "Thông tư số 33/2018/TT-BTC về phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành"],
  ["mở công ty du lịch", "giấy phép lữ hành", "giay phep lu hanh noi dia", "kinh doanh tour du lịch"], "VH")

R("BG-VH-004", "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao", "Du lịch", "tinh", "SO_VH_TT_DL", SVH, "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "TINH",
  C("tt,tuyen,bc", "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (bao gồm thẩm định thực tế)", 30,
    "Phí thẩm định công nhận hạng cơ sở lưu trú du lịch hạng 1 - 2 sao: 1.500.000 đồng/hồ sơ", 1500000),
  "mot_phan",
  [D("Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch", 1, 0, "Mẫu số 05 Phụ lục II ban hành kèm Thông tư số 06/2017/TT-BVHTTDL"),
   D("Bản tự đánh giá chất lượng cơ sở lưu trú du lịch theo tiêu chuẩn quốc gia TCVN 4391:2015", 1, 0),
   D("Danh sách người quản lý, nhân viên; văn bằng, chứng chỉ nghiệp vụ", 0, 1)],
  ["Cơ sở lưu trú nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở VH,TT&DL thẩm định hồ sơ, thành lập đoàn thẩm định thực tế.",
   "Ra quyết định công nhận hạng và cấp biển hạng cho cơ sở đạt tiêu chuẩn."],
  "Quyết định công nhận hạng cơ sở lưu trú du lịch (thời hạn 05 năm) và biển hạng.",
  "Khách sạn, nhà nghỉ du lịch đáp ứng tiêu chuẩn xếp hạng theo TCVN; đã đủ điều kiện kinh doanh dịch vụ lưu trú (ANTT, PCCC, ATTP).",
  ["Luật Du lịch số 09/2017/QH14", "Nghị định số 168/2017/NĐ-CP", "Thông tư số 06/2017/TT-BVHTTDL", "Thông tư số 34/2018/TT-BTC"],
  ["xếp hạng khách sạn", "công nhận khách sạn 2 sao", "xep hang co so luu tru"], "VH")

R("BG-VH-005", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "Thể dục thể thao", "tinh", "SO_VH_TT_DL", SVH, "Giám đốc Sở Văn hóa, Thể thao và Du lịch", "TINH",
  C("tt,tuyen,bc", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 7,
    "Phí thẩm định: theo Thông tư số 17/2023/TT-BTC (tham khảo 1.500.000 - 2.000.000 đồng/giấy chứng nhận tùy loại hình)", None),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", 1, 0, "Mẫu số 02 Phụ lục ban hành kèm Nghị định số 36/2019/NĐ-CP"),
   D("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh (cơ sở vật chất, trang thiết bị, nhân viên chuyên môn)", 1, 0, "Mẫu số 03 Phụ lục ban hành kèm Nghị định số 36/2019/NĐ-CP"),
   D("Bản sao văn bằng, chứng chỉ của nhân viên chuyên môn (người hướng dẫn tập luyện, cứu hộ)", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở VH,TT&DL thẩm định hồ sơ, kiểm tra thực tế.",
   "Cấp Giấy chứng nhận."],
  "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao.",
  "Doanh nghiệp kinh doanh hoạt động thể thao (bể bơi, phòng tập gym, võ thuật, bóng đá sân cỏ nhân tạo…) có cơ sở vật chất, trang thiết bị, nhân viên chuyên môn theo quy định của Bộ VH,TT&DL.",
  ["Luật Thể dục, thể thao số 77/2006/QH11 (sửa đổi 2018)", "Nghị định số 36/2019/NĐ-CP quy định chi tiết Luật Thể dục, thể thao"],
  ["mở phòng gym", "giấy phép bể bơi", "kinh doanh thể thao", "mở câu lạc bộ võ thuật"], "VH")


# =========================================================================== SỞ THÔNG TIN VÀ TRUYỀN THÔNG
STT = "Sở Thông tin và Truyền thông tỉnh Bắc Giang"

R("BG-TTTT-001", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", "Phát thanh, truyền hình và thông tin điện tử", "tinh", "SO_TT_TT", STT, "Giám đốc Sở Thông tin và Truyền thông", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", 1, 0, "Mẫu số 23 Phụ lục ban hành kèm Nghị định số 27/2018/NĐ-CP (thay thế bởi mẫu tại Nghị định số 147/2024/NĐ-CP từ 25/12/2024)"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/quyết định thành lập có chức năng, nhiệm vụ phù hợp", 0, 1),
   D("Đề án hoạt động có chữ ký, dấu của người đứng đầu tổ chức (mục đích, nội dung, nguồn tin, nhân sự, giải pháp kỹ thuật, quy trình quản lý thông tin)", 1, 0),
   D("Văn bản chấp thuận của các cơ quan cung cấp nguồn tin", 0, 1)],
  ["Tổ chức, doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở TT&TT thẩm định hồ sơ, kiểm tra kỹ thuật (nếu cần).",
   "Giám đốc Sở cấp giấy phép hoặc có văn bản từ chối, nêu rõ lý do."],
  "Giấy phép thiết lập trang thông tin điện tử tổng hợp (thời hạn theo đề nghị, tối đa 10 năm).",
  "Tổ chức, doanh nghiệp thành lập theo pháp luật Việt Nam có trụ sở tại tỉnh; có tên miền “.vn” (trang tổng hợp); nhân sự chịu trách nhiệm quản lý nội dung tốt nghiệp đại học trở lên; có biện pháp bảo đảm an toàn thông tin; nguồn tin có văn bản chấp thuận.",
  ["Luật An ninh mạng số 24/2018/QH14", "Nghị định số 72/2013/NĐ-CP về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng (sửa đổi bởi Nghị định số 27/2018/NĐ-CP); Nghị định số 147/2024/NĐ-CP (từ 25/12/2024)"],
  ["giấy phép trang tin điện tử", "mở trang tin tổng hợp", "giay phep trang thong tin dien tu tong hop", "website tin tức"], "TTTT")

R("BG-TTTT-002", "Cấp giấy phép hoạt động in", "Xuất bản, In và Phát hành", "tinh", "SO_TT_TT", STT, "Giám đốc Sở Thông tin và Truyền thông", "TINH",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 15, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị cấp giấy phép hoạt động in", 1, 0, "Mẫu số 05 Phụ lục ban hành kèm Thông tư số 03/2015/TT-BTTTT (sửa đổi bởi Thông tư số 22/2018/TT-BTTTT)"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp; giấy tờ chứng minh thiết bị in thuộc sở hữu hợp pháp", 0, 1),
   D("Bản sao văn bằng của người đứng đầu cơ sở in", 0, 1)],
  ["Cơ sở in nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở TT&TT thẩm định hồ sơ, kiểm tra điều kiện thực tế.",
   "Cấp giấy phép hoạt động in."],
  "Giấy phép hoạt động in.",
  "Cơ sở in thực hiện chế bản, in, gia công sau in sản phẩm báo, tạp chí, tem chống giả, hóa đơn…; có thiết bị in, mặt bằng, người đứng đầu có trình độ phù hợp.",
  ["Nghị định số 60/2014/NĐ-CP quy định về hoạt động in (sửa đổi bởi Nghị định số 25/2018/NĐ-CP, 72/2022/NĐ-CP)", "Thông tư số 03/2015/TT-BTTTT"],
  ["giấy phép in", "mở xưởng in", "giay phep hoat dong in"], "TTTT")

R("BG-TTTT-003", "Cấp giấy phép xuất bản bản tin", "Báo chí", "tinh", "SO_TT_TT", STT, "Giám đốc Sở Thông tin và Truyền thông", "TINH",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 15, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đề nghị cấp giấy phép xuất bản bản tin", 1, 0, "Mẫu số 21 Phụ lục ban hành kèm Thông tư số 41/2020/TT-BTTTT"),
   D("Bản sao quyết định thành lập/Giấy chứng nhận đăng ký của cơ quan, tổ chức", 0, 1),
   D("Mẫu trình bày tên gọi và hình thức trình bày bản tin; sơ yếu lý lịch người chịu trách nhiệm xuất bản", 1, 0)],
  ["Cơ quan, tổ chức nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở TT&TT thẩm định hồ sơ.",
   "Cấp giấy phép xuất bản bản tin."],
  "Giấy phép xuất bản bản tin.",
  "Cơ quan, tổ chức, đơn vị sự nghiệp, doanh nghiệp trên địa bàn có nhu cầu xuất bản bản tin phục vụ hoạt động nội bộ; có người chịu trách nhiệm và nguồn kinh phí.",
  ["Luật Báo chí số 103/2016/QH13", "Thông tư số 41/2020/TT-BTTTT quy định việc cấp giấy phép hoạt động báo in, tạp chí in, báo điện tử, xuất bản bản tin"],
  ["xuất bản bản tin", "giay phep ban tin", "bản tin nội bộ"], "TTTT")

R("BG-TTTT-004", "Đăng ký hoạt động cơ sở in", "Xuất bản, In và Phát hành", "tinh", "SO_TT_TT", STT, "Giám đốc Sở Thông tin và Truyền thông", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký hoạt động cơ sở in", 1, 0, "Mẫu số 10 Phụ lục ban hành kèm Thông tư số 03/2015/TT-BTTTT"),
   D("Bản sao Giấy chứng nhận đăng ký doanh nghiệp/hộ kinh doanh", 0, 1)],
  ["Cơ sở in không thuộc diện cấp phép nộp tờ khai trong 30 ngày kể từ ngày hoạt động.",
   "Sở TT&TT kiểm tra hồ sơ.",
   "Cấp Giấy xác nhận đăng ký hoạt động cơ sở in."],
  "Giấy xác nhận đăng ký hoạt động cơ sở in.",
  "Cơ sở in thực hiện in sản phẩm không thuộc diện phải cấp giấy phép (bao bì, nhãn hàng, tờ rơi…).",
  ["Nghị định số 60/2014/NĐ-CP (sửa đổi bởi Nghị định số 25/2018/NĐ-CP)", "Thông tư số 03/2015/TT-BTTTT"],
  ["đăng ký cơ sở in", "in ấn bao bì đăng ký", "dang ky hoat dong co so in"], "TTTT")


# =========================================================================== SỞ NỘI VỤ
SNV = "Sở Nội vụ tỉnh Bắc Giang"
HOI_CC = ["Nghị định số 45/2010/NĐ-CP quy định về tổ chức, hoạt động và quản lý hội (sửa đổi bởi Nghị định số 33/2012/NĐ-CP)", "Thông tư số 03/2013/TT-BNV quy định chi tiết thi hành Nghị định số 45/2010/NĐ-CP"]

R("BG-NV-001", "Công nhận ban vận động thành lập hội", "Tổ chức phi chính phủ", "tinh", "SO_NOI_VU", SNV, "Giám đốc Sở Nội vụ", "TINH",
  C("tt,tuyen,bc", "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 30, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Đơn đề nghị công nhận ban vận động thành lập hội", 1, 0),
   D("Danh sách và trích ngang những người dự kiến thành viên ban vận động thành lập hội (họ tên, ngày sinh, trình độ, địa chỉ)", 1, 0),
   D("Bản sao các văn bằng, chứng nhận chuyên môn phù hợp của người đứng đầu ban vận động (nếu có)", 0, 1)],
  ["Những người sáng lập nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Nội vụ thẩm định, lấy ý kiến cơ quan quản lý nhà nước về lĩnh vực hoạt động chính của hội.",
   "Giám đốc Sở Nội vụ ra quyết định công nhận ban vận động thành lập hội (hoặc trả lời bằng văn bản nêu rõ lý do)."],
  "Quyết định công nhận ban vận động thành lập hội.",
  "Hội có phạm vi hoạt động trong tỉnh; ban vận động có ít nhất 03 thành viên (hội cấp tỉnh) là công dân Việt Nam có năng lực hành vi dân sự đầy đủ, không có án tích.",
  HOI_CC, ["thành lập hội", "ban vận động thành lập hội", "cong nhan ban van dong thanh lap hoi", "lập hội đồng hương"], "NV")

R("BG-NV-002", "Thành lập hội", "Tổ chức phi chính phủ", "tinh", "SO_NOI_VU", SNV, "Chủ tịch UBND tỉnh (theo đề nghị của Giám đốc Sở Nội vụ)", "TINH",
  C("tt,tuyen,bc", "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 30, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Đơn xin phép thành lập hội", 1, 0),
   D("Dự thảo điều lệ hội", 1, 0),
   D("Danh sách những người trong ban vận động thành lập hội; lý lịch tư pháp người đứng đầu ban vận động", 1, 0),
   D("Văn bản xác nhận nơi dự kiến đặt trụ sở của hội; bản kê khai tài sản (nếu có)", 1, 0)],
  ["Ban vận động thành lập hội (đã được công nhận) nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Nội vụ thẩm định, lấy ý kiến các cơ quan liên quan.",
   "Chủ tịch UBND tỉnh quyết định cho phép thành lập hội."],
  "Quyết định cho phép thành lập hội.",
  "Mục đích hoạt động không trái pháp luật; có điều lệ; có trụ sở; có đủ số công dân, tổ chức đăng ký tham gia (hội cấp tỉnh từ 50 thành viên).",
  HOI_CC, ["thành lập hội", "xin phép lập hội", "thanh lap hoi"], "NV")

R("BG-NV-003", "Công nhận quỹ xã hội, quỹ từ thiện đủ điều kiện hoạt động và công nhận thành viên Hội đồng quản lý quỹ", "Tổ chức phi chính phủ", "tinh", "SO_NOI_VU", SNV, "Chủ tịch UBND tỉnh", "TINH",
  C("tt,tuyen,bc", "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", 30, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Đơn đề nghị công nhận quỹ đủ điều kiện hoạt động", 1, 0, "Mẫu ban hành kèm Thông tư số 04/2022/TT-BNV"),
   D("Dự thảo điều lệ quỹ; văn bản chứng minh tài sản đóng góp (tối thiểu 1 tỷ đồng với quỹ cấp tỉnh)", 1, 0),
   D("Danh sách, sơ yếu lý lịch, lý lịch tư pháp của thành viên Hội đồng quản lý quỹ", 1, 0)],
  ["Sáng lập viên nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Nội vụ thẩm định.",
   "Chủ tịch UBND tỉnh quyết định cấp giấy phép thành lập và công nhận điều lệ quỹ."],
  "Quyết định cấp giấy phép thành lập và công nhận điều lệ quỹ; công nhận quỹ đủ điều kiện hoạt động.",
  "Quỹ hoạt động trong phạm vi tỉnh vì mục đích hỗ trợ phát triển văn hóa, xã hội, từ thiện, nhân đạo, không vì lợi nhuận; đủ tài sản đóng góp theo quy định.",
  ["Nghị định số 93/2019/NĐ-CP về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện", "Thông tư số 04/2022/TT-BNV"],
  ["thành lập quỹ từ thiện", "quỹ xã hội", "thanh lap quy tu thien"], "NV")

R("BG-NV-004", "Tặng Bằng khen của Chủ tịch UBND tỉnh", "Thi đua, khen thưởng", "tinh", "SO_NOI_VU",
  "Ban Thi đua - Khen thưởng (Sở Nội vụ) tỉnh Bắc Giang", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen", "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (thẩm định 10 ngày; Chủ tịch UBND tỉnh quyết định 10 ngày)", 20, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Tờ trình đề nghị khen thưởng của cơ quan, đơn vị", 1, 0),
   D("Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng", 1, 0, "Mẫu ban hành kèm Nghị định số 98/2023/NĐ-CP"),
   D("Biên bản họp Hội đồng thi đua, khen thưởng cấp trình", 1, 0)],
  ["Cơ quan, đơn vị, UBND cấp huyện gửi hồ sơ đề nghị khen thưởng đến Ban Thi đua - Khen thưởng.",
   "Ban Thi đua - Khen thưởng thẩm định, lấy ý kiến cơ quan liên quan (nếu cần).",
   "Trình Chủ tịch UBND tỉnh quyết định khen thưởng.",
   "Trao Bằng khen và tiền thưởng kèm theo."],
  "Quyết định và Bằng khen của Chủ tịch UBND tỉnh.",
  "Tập thể, cá nhân có thành tích xuất sắc đáp ứng tiêu chuẩn tại Luật Thi đua, khen thưởng 2022 và quy định của tỉnh.",
  ["Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 98/2023/NĐ-CP quy định chi tiết Luật Thi đua, khen thưởng", "Quy chế thi đua, khen thưởng của UBND tỉnh Bắc Giang"],
  ["bằng khen chủ tịch tỉnh", "đề nghị khen thưởng", "bang khen ubnd tinh"], "NV")


# =========================================================================== SỞ KHOA HỌC VÀ CÔNG NGHỆ
SKH = "Sở Khoa học và Công nghệ tỉnh Bắc Giang"

R("BG-KHCN-001", "Đăng ký hợp đồng chuyển giao công nghệ", "Hoạt động khoa học và công nghệ", "tinh", "SO_KH_CN", SKH, "Giám đốc Sở Khoa học và Công nghệ", "TINH",
  C("tt,tuyen,bc", "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5,
    "Phí thẩm định hợp đồng chuyển giao công nghệ: 0,1% tổng giá trị hợp đồng, tối thiểu 5.000.000 đồng, tối đa 10.000.000 đồng (Thông tư số 169/2016/TT-BTC)", 5000000),
  "toan_trinh",
  [D("Văn bản đề nghị đăng ký chuyển giao công nghệ, trong đó ghi rõ cam kết trách nhiệm của các bên", 1, 0, "Mẫu số 01 Phụ lục ban hành kèm Nghị định số 76/2018/NĐ-CP"),
   D("Bản gốc hoặc bản sao có chứng thực hợp đồng chuyển giao công nghệ (bản tiếng nước ngoài phải kèm bản dịch tiếng Việt có công chứng/chứng thực)", 1, 0),
   D("Danh mục tài liệu công nghệ, máy móc, thiết bị kèm theo hợp đồng (nếu có); văn bản xác nhận tư cách pháp lý của người đại diện các bên", 0, 1)],
  ["Bên có nghĩa vụ đăng ký nộp hồ sơ trong 90 ngày kể từ ngày ký hợp đồng tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Khoa học và Công nghệ kiểm tra hồ sơ.",
   "Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ hoặc có văn bản từ chối, nêu rõ lý do."],
  "Giấy chứng nhận đăng ký chuyển giao công nghệ.",
  "Hợp đồng chuyển giao công nghệ không thuộc Danh mục công nghệ hạn chế chuyển giao (phải cấp phép), thuộc diện phải đăng ký: chuyển giao công nghệ từ nước ngoài vào Việt Nam, trong nước có sử dụng vốn nhà nước (trừ trường hợp đã cấp Giấy chứng nhận đăng ký đầu tư).",
  ["Luật Chuyển giao công nghệ số 07/2017/QH14", "Nghị định số 76/2018/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ", "Thông tư số 169/2016/TT-BTC"],
  ["chuyển giao công nghệ", "đăng ký hợp đồng cgcn", "dang ky hop dong chuyen giao cong nghe"], "KHCN")

R("BG-KHCN-002", "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "Hoạt động khoa học và công nghệ", "tinh", "SO_KH_CN", SKH, "Giám đốc Sở Khoa học và Công nghệ", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15,
    "Phí thẩm định điều kiện hoạt động khoa học và công nghệ: 3.000.000 đồng/hồ sơ", 3000000),
  "toan_trinh",
  [D("Đơn đề nghị đăng ký hoạt động khoa học và công nghệ", 1, 0, "Mẫu ban hành kèm Thông tư số 03/2014/TT-BKHCN"),
   D("Quyết định thành lập và điều lệ tổ chức khoa học và công nghệ", 0, 1),
   D("Hồ sơ nhân lực (văn bằng, hợp đồng lao động của nhân lực khoa học và công nghệ); giấy tờ chứng minh trụ sở", 0, 1)],
  ["Tổ chức khoa học và công nghệ nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Khoa học và Công nghệ thẩm định hồ sơ.",
   "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ."],
  "Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ.",
  "Tổ chức có ít nhất 05 người có trình độ đại học trở lên, trong đó ít nhất 40% có chuyên môn phù hợp lĩnh vực hoạt động; có trụ sở, điều lệ.",
  ["Luật Khoa học và công nghệ số 29/2013/QH13", "Nghị định số 08/2014/NĐ-CP quy định chi tiết Luật Khoa học và công nghệ", "Thông tư số 03/2014/TT-BKHCN"],
  ["đăng ký hoạt động khoa học công nghệ", "tổ chức khoa học công nghệ", "viện nghiên cứu tư nhân"], "KHCN")

R("BG-KHCN-003", "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", "An toàn bức xạ và hạt nhân", "tinh", "SO_KH_CN", SKH, "Giám đốc Sở Khoa học và Công nghệ", "TINH",
  C("tt,tuyen,bc", "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 15,
    "Phí thẩm định an toàn bức xạ: 2.000.000 đồng/thiết bị X-quang chẩn đoán trong y tế; lệ phí cấp giấy phép 200.000 đồng", 2000000),
  "toan_trinh",
  [D("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ", 1, 0, "Mẫu ban hành kèm Thông tư số 08/2010/TT-BKHCN"),
   D("Báo cáo đánh giá an toàn bức xạ; biên bản kiểm định thiết bị X-quang (còn hiệu lực)", 1, 0),
   D("Bản sao chứng chỉ nhân viên bức xạ của người phụ trách an toàn; quyết định bổ nhiệm người phụ trách an toàn", 0, 1)],
  ["Cơ sở y tế nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Khoa học và Công nghệ thẩm định hồ sơ, kiểm tra thực tế phòng đặt máy (nếu cần).",
   "Cấp giấy phép tiến hành công việc bức xạ."],
  "Giấy phép tiến hành công việc bức xạ (thời hạn 36 tháng).",
  "Phòng đặt thiết bị X-quang đáp ứng yêu cầu che chắn; thiết bị đã được kiểm định; có người phụ trách an toàn bức xạ; nhân viên bức xạ được đào tạo, theo dõi liều chiếu xạ cá nhân.",
  ["Luật Năng lượng nguyên tử số 18/2008/QH12", "Nghị định số 142/2020/NĐ-CP quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử", "Thông tư số 287/2016/TT-BTC quy định phí thẩm định an toàn bức xạ"],
  ["giấy phép x quang", "giấy phép bức xạ", "giay phep tien hanh cong viec buc xa", "máy x quang phòng khám"], "KHCN")

R("BG-KHCN-004", "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "Hoạt động khoa học và công nghệ", "tinh", "SO_KH_CN", SKH, "Giám đốc Sở Khoa học và Công nghệ", "TINH",
  C("tt,tuyen,bc", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (trường hợp cần lấy ý kiến chuyên gia không quá 15 ngày làm việc)", 7,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Đơn đề nghị cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", 1, 0, "Mẫu 1 ban hành kèm Nghị định số 13/2019/NĐ-CP"),
   D("Văn bản xác nhận quyền sở hữu, sử dụng hợp pháp kết quả khoa học và công nghệ (văn bằng bảo hộ, quyết định công nhận kết quả nhiệm vụ KH&CN…)", 0, 1),
   D("Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ", 1, 0)],
  ["Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến.",
   "Sở Khoa học và Công nghệ thẩm định, lấy ý kiến chuyên gia (nếu cần).",
   "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ."],
  "Giấy chứng nhận doanh nghiệp khoa học và công nghệ (hưởng ưu đãi thuế TNDN, tiền thuê đất…).",
  "Doanh nghiệp có khả năng tạo ra hoặc ứng dụng kết quả khoa học và công nghệ; doanh thu từ sản phẩm KH&CN đạt tỷ lệ tối thiểu 30% sau 05 năm.",
  ["Luật Khoa học và công nghệ số 29/2013/QH13", "Nghị định số 13/2019/NĐ-CP về doanh nghiệp khoa học và công nghệ"],
  ["doanh nghiệp khoa học công nghệ", "chung nhan doanh nghiep khcn", "ưu đãi doanh nghiệp khoa học"], "KHCN")


# =========================================================================== THANH TRA TỈNH
TTR = "Thanh tra tỉnh Bắc Giang"
KN_CC = ["Luật Khiếu nại số 02/2011/QH13", "Nghị định số 124/2020/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
         "Thông tư số 05/2021/TT-TTCP quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh"]

R("BG-TTR-001", "Giải quyết khiếu nại lần đầu tại cấp tỉnh", "Giải quyết khiếu nại", "tinh", "THANH_TRA", TTR + " (tham mưu); người đứng đầu cơ quan, Chủ tịch UBND tỉnh",
  "Chủ tịch UBND tỉnh; Giám đốc sở, ngành cấp tỉnh (đối với quyết định, hành vi hành chính của mình)", "Ban Tiếp công dân tỉnh Bắc Giang hoặc bộ phận tiếp nhận đơn của sở, ngành",
  C("tt,bc", "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày (vùng sâu, vùng xa: 45 ngày, phức tạp không quá 60 ngày)", 30,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn khiếu nại hoặc bản ghi lời khiếu nại có chữ ký/điểm chỉ của người khiếu nại", 1, 0, "Mẫu ban hành kèm Nghị định số 124/2020/NĐ-CP"),
   D("Tài liệu, chứng cứ liên quan (quyết định hành chính bị khiếu nại, văn bản, hình ảnh…)", 0, 1),
   D("Văn bản ủy quyền khiếu nại (nếu có) và giấy tờ tùy thân của người được ủy quyền", 1, 0)],
  ["Người khiếu nại gửi đơn trong thời hiệu 90 ngày kể từ ngày nhận được/biết được quyết định hành chính, hành vi hành chính.",
   "Trong 10 ngày kể từ ngày nhận đơn, người có thẩm quyền thụ lý giải quyết và thông báo cho người khiếu nại (hoặc thông báo không thụ lý, nêu rõ lý do).",
   "Thanh tra tỉnh/cơ quan được giao xác minh nội dung khiếu nại, báo cáo kết quả xác minh.",
   "Tổ chức đối thoại với người khiếu nại, người bị khiếu nại.",
   "Ban hành quyết định giải quyết khiếu nại lần đầu và gửi cho người khiếu nại."],
  "Quyết định giải quyết khiếu nại lần đầu.",
  "Khiếu nại quyết định hành chính, hành vi hành chính của Chủ tịch UBND tỉnh hoặc của sở, ngành cấp tỉnh; còn thời hiệu; người khiếu nại có năng lực hành vi dân sự; chưa khởi kiện vụ án hành chính.",
  KN_CC,
  ["khiếu nại lên tỉnh", "khiếu nại quyết định của sở", "khieu nai lan dau cap tinh", "đơn khiếu nại gửi chủ tịch tỉnh"], "TTR")

R("BG-TTR-002", "Giải quyết khiếu nại lần hai tại cấp tỉnh", "Giải quyết khiếu nại", "tinh", "THANH_TRA", TTR + " (tham mưu)", "Chủ tịch UBND tỉnh Bắc Giang", "Ban Tiếp công dân tỉnh Bắc Giang",
  C("tt,bc", "Không quá 45 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 60 ngày (vùng sâu, vùng xa: 60 ngày, phức tạp không quá 70 ngày)", 45,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn khiếu nại lần hai", 1, 0),
   D("Quyết định giải quyết khiếu nại lần đầu (bản sao)", 0, 1),
   D("Tài liệu, chứng cứ kèm theo", 0, 1)],
  ["Trong 30 ngày kể từ khi hết thời hạn giải quyết lần đầu hoặc nhận được quyết định giải quyết lần đầu mà không đồng ý, người khiếu nại gửi đơn lần hai đến Chủ tịch UBND tỉnh.",
   "Chủ tịch UBND tỉnh thụ lý, giao Thanh tra tỉnh xác minh.",
   "Thanh tra tỉnh xác minh, tổ chức đối thoại, báo cáo đề xuất.",
   "Chủ tịch UBND tỉnh ban hành quyết định giải quyết khiếu nại lần hai."],
  "Quyết định giải quyết khiếu nại lần hai (có hiệu lực pháp luật; người khiếu nại có quyền khởi kiện vụ án hành chính).",
  "Khiếu nại quyết định, hành vi hành chính mà Chủ tịch UBND cấp huyện, Giám đốc sở đã giải quyết lần đầu nhưng người khiếu nại không đồng ý hoặc quá thời hạn chưa giải quyết.",
  KN_CC,
  ["khiếu nại lần hai", "khieu nai lan 2", "không đồng ý kết quả giải quyết khiếu nại của huyện"], "TTR")

R("BG-TTR-003", "Giải quyết tố cáo tại cấp tỉnh", "Giải quyết tố cáo", "tinh", "THANH_TRA", TTR + " (tham mưu)", "Chủ tịch UBND tỉnh; Giám đốc sở, ngành", "Ban Tiếp công dân tỉnh Bắc Giang",
  C("tt,bc", "Không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp gia hạn một lần không quá 30 ngày; đặc biệt phức tạp gia hạn hai lần", 30,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Đơn tố cáo (ghi rõ ngày tháng năm, họ tên, địa chỉ người tố cáo; hành vi vi phạm, người bị tố cáo) hoặc biên bản ghi nội dung tố cáo trực tiếp", 1, 0),
   D("Thông tin, tài liệu, chứng cứ kèm theo (nếu có)", 0, 1)],
  ["Người tố cáo gửi đơn hoặc trình bày trực tiếp tại Ban Tiếp công dân tỉnh.",
   "Trong 07 ngày làm việc, người giải quyết tố cáo quyết định thụ lý hoặc không thụ lý; bảo vệ, giữ bí mật người tố cáo.",
   "Thanh tra tỉnh xác minh nội dung tố cáo.",
   "Người giải quyết ban hành kết luận nội dung tố cáo, xử lý vi phạm; thông báo kết quả cho người tố cáo."],
  "Kết luận nội dung tố cáo.",
  "Tố cáo hành vi vi phạm pháp luật trong thực hiện nhiệm vụ, công vụ của cán bộ, công chức thuộc thẩm quyền quản lý của UBND tỉnh, sở, ngành.",
  ["Luật Tố cáo số 25/2018/QH14", "Nghị định số 31/2019/NĐ-CP quy định chi tiết Luật Tố cáo"],
  ["tố cáo cán bộ tỉnh", "to cao tham nhung", "đơn tố cáo sai phạm"], "TTR")

R("BG-TTR-004", "Xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh tại cấp tỉnh", "Xử lý đơn thư", "tinh", "THANH_TRA", TTR + "; Ban Tiếp công dân tỉnh", "Chánh Thanh tra tỉnh; Trưởng Ban Tiếp công dân tỉnh", "Ban Tiếp công dân tỉnh Bắc Giang",
  C("tt,bc,tuyen", "10 ngày làm việc kể từ ngày nhận đơn (phân loại, xử lý, chuyển đơn hoặc hướng dẫn)", 10, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh (ghi rõ họ tên, địa chỉ, nội dung)", 1, 0),
   D("Tài liệu kèm theo (nếu có)", 0, 1)],
  ["Công dân gửi đơn trực tiếp, qua bưu chính hoặc hệ thống tiếp nhận trực tuyến.",
   "Cơ quan tiếp nhận phân loại đơn (khiếu nại, tố cáo, kiến nghị, phản ánh), xác định thẩm quyền.",
   "Thụ lý (nếu thuộc thẩm quyền), chuyển đơn đến cơ quan có thẩm quyền hoặc hướng dẫn người viết đơn; thông báo cho người gửi đơn."],
  "Phiếu chuyển đơn/văn bản hướng dẫn/thông báo thụ lý gửi người có đơn.",
  "Đơn có nội dung rõ ràng, ghi họ tên, địa chỉ người viết đơn; không xử lý đơn nặc danh (trừ tố cáo có nội dung rõ ràng, chứng cứ cụ thể).",
  KN_CC + ["Luật Tiếp công dân số 42/2013/QH13"],
  ["gửi đơn lên tỉnh", "đơn thư", "xu ly don thu", "gửi đơn kiến nghị"], "TTR")


# =========================================================================== BẢO HIỂM XÃ HỘI TỈNH
BHXH_CQ = "Bảo hiểm xã hội huyện, thành phố; Bảo hiểm xã hội tỉnh Bắc Giang"
BHYT_CC = ["Luật Bảo hiểm y tế số 25/2008/QH12 (sửa đổi bởi Luật số 46/2014/QH13)", "Nghị định số 146/2018/NĐ-CP quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế (sửa đổi bởi Nghị định số 75/2023/NĐ-CP)",
           "Quyết định số 595/QĐ-BHXH ban hành Quy trình thu BHXH, BHYT, BHTN; quản lý sổ BHXH, thẻ BHYT (sửa đổi bởi Quyết định số 505/QĐ-BHXH, 490/QĐ-BHXH)"]

R("BG-BHYT-001", "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Bảo hiểm y tế", "huyen", "BHXH", BHXH_CQ, "Giám đốc Bảo hiểm xã hội huyện, thành phố", "BHXH",
  C("tuyen,tt,bc", "Không quá 01 ngày làm việc kể từ ngày nhận đủ dữ liệu đăng ký khai sinh (khi thực hiện liên thông); 05 ngày làm việc khi nộp hồ sơ riêng", 1,
    "Không thu phí; mức đóng BHYT của trẻ em dưới 6 tuổi do ngân sách nhà nước bảo đảm", 0,
    on_note="Thường thực hiện qua dịch vụ liên thông đăng ký khai sinh - đăng ký thường trú - cấp thẻ BHYT trên Cổng Dịch vụ công/VNeID; thẻ BHYT điện tử hiển thị trên VssID/VNeID."),
  "toan_trinh",
  [D("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (khi không thực hiện liên thông)", 1, 0, "Mẫu TK1-TS ban hành kèm Quyết định số 505/QĐ-BHXH"),
   D("Giấy khai sinh hoặc trích lục khai sinh (hoặc giấy chứng sinh khi chưa có giấy khai sinh) — không yêu cầu khi dữ liệu khai sinh được liên thông", 0, 1)],
  ["UBND cấp xã đăng ký khai sinh và chuyển dữ liệu (liên thông) hoặc cha mẹ nộp tờ khai tại UBND cấp xã/BHXH cấp huyện.",
   "UBND cấp xã lập danh sách trẻ em dưới 6 tuổi tham gia BHYT gửi cơ quan BHXH (khi không liên thông).",
   "BHXH cấp huyện kiểm tra, cấp thẻ BHYT (thời hạn sử dụng đến ngày trẻ đủ 72 tháng tuổi).",
   "Trả thẻ BHYT qua UBND cấp xã, bưu chính hoặc thẻ điện tử trên ứng dụng."],
  "Thẻ bảo hiểm y tế của trẻ em dưới 6 tuổi (bản giấy hoặc điện tử).",
  "Trẻ em dưới 6 tuổi (trẻ sinh trước ngày 30/9 thẻ có giá trị đến ngày 30/9 của năm trẻ đủ 72 tháng tuổi; sinh sau ngày 30/9 có giá trị đến hết ngày cuối tháng trẻ đủ 72 tháng tuổi).",
  BHYT_CC + ["Nghị định số 63/2024/NĐ-CP về liên thông điện tử nhóm thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi"],
  ["thẻ bhyt trẻ em", "bảo hiểm y tế cho con dưới 6 tuổi", "the bao hiem y te tre em", "làm thẻ bảo hiểm cho bé", "bhyt tre em"], "BHXH", online="bhxh")

R("BG-BHYT-002", "Cấp lại, đổi thẻ bảo hiểm y tế", "Bảo hiểm y tế", "huyen,tinh", "BHXH", BHXH_CQ, "Giám đốc Bảo hiểm xã hội huyện, thành phố", "BHXH",
  C("tuyen,tt,bc", "Cấp lại thẻ do bị mất: 07 ngày làm việc; đổi thẻ (thay đổi thông tin, hư hỏng): 03 ngày làm việc (không thay đổi thông tin: trong ngày)", 7,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT", 1, 0, "Mẫu TK1-TS ban hành kèm Quyết định số 505/QĐ-BHXH"),
   D("Thẻ BHYT cũ (trường hợp đổi thẻ do hư hỏng, thay đổi thông tin)", 1, 0),
   D("Giấy tờ chứng minh thông tin thay đổi (nếu thay đổi nhân thân, nơi đăng ký khám chữa bệnh ban đầu)", 0, 1)],
  ["Người tham gia nộp hồ sơ trực tuyến (Cổng Dịch vụ công, VssID) hoặc tại BHXH cấp huyện/đơn vị đang tham gia.",
   "Cơ quan BHXH kiểm tra, đối chiếu dữ liệu.",
   "Cấp lại/đổi thẻ BHYT; trả kết quả trực tiếp, qua bưu chính hoặc thẻ điện tử."],
  "Thẻ bảo hiểm y tế (cấp lại/đổi).",
  "Thẻ bị mất, hư hỏng; thay đổi thông tin nhân thân, nơi đăng ký khám chữa bệnh ban đầu (đầu mỗi quý), mức hưởng.",
  BHYT_CC,
  ["mất thẻ bảo hiểm y tế", "cấp lại thẻ bhyt", "đổi nơi khám chữa bệnh ban đầu", "cap lai the bhyt"], "BHXH", online="bhxh")

R("BG-BHXH-001", "Giải quyết hưởng bảo hiểm xã hội một lần", "Bảo hiểm xã hội", "huyen,tinh", "BHXH", BHXH_CQ, "Giám đốc Bảo hiểm xã hội tỉnh/huyện", "BHXH",
  C("tuyen,tt,bc", "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định (từ 01/7/2025: 05 ngày làm việc theo Luật BHXH 2024)", 10,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Sổ bảo hiểm xã hội (hoặc dữ liệu sổ BHXH điện tử)", 1, 0),
   D("Đơn đề nghị hưởng bảo hiểm xã hội một lần", 1, 0, "Mẫu số 14-HSB ban hành kèm Quyết định số 166/QĐ-BHXH"),
   D("Giấy tờ chứng minh trường hợp đặc biệt (hộ chiếu, thị thực định cư nước ngoài; biên bản giám định mức suy giảm khả năng lao động; tóm tắt bệnh án bệnh hiểm nghèo…) nếu có", 0, 1)],
  ["Người lao động nộp hồ sơ tại BHXH cấp huyện nơi cư trú hoặc trực tuyến trên Cổng Dịch vụ công (tài khoản định danh mức 2).",
   "Cơ quan BHXH kiểm tra, xác định thời gian đóng và mức hưởng.",
   "Ban hành Quyết định hưởng BHXH một lần.",
   "Chi trả trợ cấp qua tài khoản cá nhân hoặc tại bưu điện."],
  "Quyết định hưởng trợ cấp bảo hiểm xã hội một lần.",
  "Đủ tuổi nghỉ hưu nhưng chưa đủ 20 năm đóng BHXH; ra nước ngoài định cư; mắc bệnh hiểm nghèo; hoặc sau 01 năm nghỉ việc không tiếp tục đóng BHXH và chưa đủ 20 năm đóng (người tham gia trước 01/01/2021 theo Nghị quyết 93/2015/QH13; từ 01/7/2025 theo điều kiện của Luật BHXH 2024).",
  ["Luật Bảo hiểm xã hội số 58/2014/QH13 (Luật số 41/2024/QH15 từ 01/7/2025)", "Nghị quyết số 93/2015/QH13 về việc thực hiện chính sách hưởng BHXH một lần", "Quyết định số 166/QĐ-BHXH ban hành Quy trình giải quyết hưởng các chế độ BHXH"],
  ["rút bảo hiểm xã hội một lần", "rút bhxh 1 lần", "rut bao hiem xa hoi mot lan", "lấy tiền bảo hiểm xã hội"], "BHXH", online="bhxh")

R("BG-BHXH-002", "Đăng ký tham gia bảo hiểm xã hội tự nguyện", "Bảo hiểm xã hội", "huyen", "BHXH", BHXH_CQ + "; đại lý thu BHXH (bưu điện xã, UBND xã)", "Giám đốc Bảo hiểm xã hội huyện, thành phố", "BHXH",
  C("tuyen,tt", "Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", 5,
    "Không thu phí; mức đóng hằng tháng bằng 22% mức thu nhập tháng do người tham gia lựa chọn (Nhà nước hỗ trợ 30% đối với hộ nghèo, 25% hộ cận nghèo, 10% đối tượng khác tính trên chuẩn nghèo khu vực nông thôn)", 0),
  "toan_trinh",
  [D("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT", 1, 0, "Mẫu TK1-TS ban hành kèm Quyết định số 505/QĐ-BHXH")],
  ["Người tham gia đăng ký tại đại lý thu, BHXH cấp huyện hoặc trực tuyến (VssID, Cổng Dịch vụ công).",
   "Nộp tiền đóng theo phương thức lựa chọn (hằng tháng, 03 tháng, 06 tháng, 12 tháng hoặc một lần cho nhiều năm).",
   "Cơ quan BHXH ghi nhận quá trình đóng, cấp sổ BHXH (bản điện tử trên VssID)."],
  "Sổ bảo hiểm xã hội (ghi nhận quá trình tham gia BHXH tự nguyện).",
  "Công dân Việt Nam từ đủ 15 tuổi trở lên, không thuộc đối tượng tham gia BHXH bắt buộc.",
  ["Luật Bảo hiểm xã hội số 58/2014/QH13", "Nghị định số 134/2015/NĐ-CP quy định chi tiết về BHXH tự nguyện", "Quyết định số 595/QĐ-BHXH"],
  ["bảo hiểm xã hội tự nguyện", "bhxh tu nguyen", "đóng bảo hiểm để có lương hưu"], "BHXH", online="bhxh")

R("BG-BHXH-003", "Cấp lại sổ bảo hiểm xã hội do mất, hỏng", "Bảo hiểm xã hội", "huyen,tinh", "BHXH", BHXH_CQ, "Giám đốc Bảo hiểm xã hội huyện, thành phố", "BHXH",
  C("tuyen,tt,bc", "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ (cần xác minh quá trình đóng: không quá 45 ngày)", 10, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (ghi rõ lý do cấp lại)", 1, 0, "Mẫu TK1-TS ban hành kèm Quyết định số 505/QĐ-BHXH"),
   D("Sổ BHXH bị hỏng (nếu có)", 1, 0)],
  ["Người lao động nộp hồ sơ trực tuyến hoặc tại BHXH cấp huyện.",
   "Cơ quan BHXH kiểm tra, đối chiếu dữ liệu quá trình đóng.",
   "Cấp lại sổ BHXH (bản giấy hoặc xác nhận quá trình đóng điện tử)."],
  "Sổ bảo hiểm xã hội (cấp lại).",
  "Sổ BHXH bị mất, hư hỏng.",
  ["Luật Bảo hiểm xã hội số 58/2014/QH13", "Quyết định số 595/QĐ-BHXH (sửa đổi bởi Quyết định số 505/QĐ-BHXH)"],
  ["mất sổ bảo hiểm xã hội", "cấp lại sổ bhxh", "cap lai so bao hiem"], "BHXH", online="bhxh")


# =========================================================================== CỤC THUẾ TỈNH
CT = "Cục Thuế tỉnh Bắc Giang; Chi cục Thuế khu vực/huyện, thành phố"
THUE_CC = ["Luật Quản lý thuế số 38/2019/QH14", "Nghị định số 126/2020/NĐ-CP quy định chi tiết một số điều của Luật Quản lý thuế",
           "Thông tư số 105/2020/TT-BTC hướng dẫn về đăng ký thuế", "Thông tư số 80/2021/TT-BTC hướng dẫn thi hành một số điều của Luật Quản lý thuế"]

R("BG-THUE-001", "Đăng ký thuế lần đầu đối với cá nhân", "Quản lý thuế", "tinh", "CUC_THUE", CT, "Cục trưởng Cục Thuế/Chi cục trưởng Chi cục Thuế", "THUE",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ (nộp trực tuyến qua tổ chức chi trả thu nhập: 01 ngày làm việc)", 3, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký thuế dùng cho cá nhân không kinh doanh", 1, 0, "Mẫu số 05-ĐK-TCT ban hành kèm Thông tư số 105/2020/TT-BTC"),
   D("Bản sao thẻ căn cước/căn cước công dân (công dân Việt Nam) hoặc hộ chiếu (người nước ngoài) — không cần nếu đã tích hợp Cơ sở dữ liệu quốc gia về dân cư", 0, 1)],
  ["Cá nhân tự nộp hồ sơ tại cơ quan thuế quản lý nơi cư trú/nơi làm việc, trực tuyến, hoặc ủy quyền cho tổ chức chi trả thu nhập đăng ký thay (Mẫu 05-ĐK-TH-TCT).",
   "Cơ quan thuế kiểm tra, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.",
   "Cấp mã số thuế cá nhân (từ 01/7/2025 số định danh cá nhân được sử dụng thay mã số thuế).",
   "Trả Giấy chứng nhận đăng ký thuế/Thông báo mã số thuế."],
  "Thông báo mã số thuế cá nhân hoặc Giấy chứng nhận đăng ký thuế.",
  "Cá nhân có thu nhập chịu thuế TNCN hoặc có nhu cầu đăng ký (để đăng ký người phụ thuộc, quyết toán); mỗi cá nhân chỉ được cấp một mã số thuế duy nhất.",
  THUE_CC,
  ["mã số thuế cá nhân", "mst", "đăng ký mã số thuế", "ma so thue ca nhan", "làm mst cá nhân"], "BTC", online="thue")

R("BG-THUE-002", "Đăng ký người phụ thuộc giảm trừ gia cảnh", "Quản lý thuế", "tinh", "CUC_THUE", CT, "Cục trưởng Cục Thuế/Chi cục trưởng Chi cục Thuế", "THUE",
  C("tt,tuyen,bc", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ", 3, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký thuế cho người phụ thuộc (hoặc Bản đăng ký người phụ thuộc Mẫu 07/ĐK-NPT-TNCN)", 1, 0, "Mẫu số 20-ĐK-TCT ban hành kèm Thông tư số 105/2020/TT-BTC"),
   D("Giấy tờ chứng minh người phụ thuộc (giấy khai sinh của con, giấy tờ chứng minh quan hệ, xác nhận không có thu nhập hoặc thu nhập không quá 1.000.000 đồng/tháng…)", 0, 1)],
  ["Người nộp thuế kê khai người phụ thuộc qua tổ chức chi trả thu nhập hoặc trực tiếp với cơ quan thuế (trực tuyến trên thuedientu, eTax Mobile).",
   "Cơ quan thuế kiểm tra, cấp mã số thuế cho người phụ thuộc (nếu chưa có).",
   "Người nộp thuế được giảm trừ 4.400.000 đồng/tháng cho mỗi người phụ thuộc."],
  "Mã số thuế người phụ thuộc; thông tin giảm trừ gia cảnh được ghi nhận.",
  "Người phụ thuộc là con dưới 18 tuổi, con đang đi học, con khuyết tật; vợ/chồng, cha mẹ không có khả năng lao động hoặc có thu nhập bình quân không quá 1.000.000 đồng/tháng; mỗi người phụ thuộc chỉ được tính giảm trừ cho một người nộp thuế.",
  THUE_CC + ["Thông tư số 111/2013/TT-BTC hướng dẫn Luật Thuế thu nhập cá nhân", "Nghị quyết số 954/2020/UBTVQH14 về mức giảm trừ gia cảnh"],
  ["người phụ thuộc", "giảm trừ gia cảnh", "dang ky nguoi phu thuoc", "đăng ký npt cho con"], "BTC", online="thue")

R("BG-THUE-003", "Quyết toán thuế thu nhập cá nhân đối với cá nhân trực tiếp quyết toán với cơ quan thuế", "Quản lý thuế", "tinh", "CUC_THUE", CT, "Cục trưởng Cục Thuế/Chi cục trưởng Chi cục Thuế", "THUE",
  C("tuyen,tt,bc", "Hạn nộp hồ sơ: ngày cuối cùng của tháng thứ 4 kể từ ngày kết thúc năm dương lịch; hoàn thuế (nếu có) trong 06 ngày làm việc (hoàn trước kiểm tra sau) kể từ ngày nhận đủ hồ sơ", 6,
    "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai quyết toán thuế thu nhập cá nhân", 1, 0, "Mẫu số 02/QTT-TNCN ban hành kèm Thông tư số 80/2021/TT-BTC"),
   D("Phụ lục giảm trừ gia cảnh cho người phụ thuộc (Mẫu 02-1/BK-QTT-TNCN) nếu có", 1, 0),
   D("Chứng từ khấu trừ thuế TNCN do tổ chức chi trả thu nhập cấp (nếu có)", 0, 1)],
  ["Cá nhân kê khai trực tuyến trên thuedientu/eTax Mobile (hệ thống hỗ trợ điền sẵn dữ liệu) hoặc nộp tại cơ quan thuế.",
   "Cơ quan thuế tiếp nhận, kiểm tra số thuế phải nộp/được hoàn.",
   "Cá nhân nộp thêm số thuế còn thiếu hoặc được hoàn thuế nộp thừa vào tài khoản."],
  "Thông báo chấp nhận hồ sơ quyết toán; quyết định hoàn thuế (nếu đề nghị hoàn).",
  "Cá nhân có thu nhập từ tiền lương, tiền công có số thuế phải nộp thêm hoặc nộp thừa đề nghị hoàn; có thu nhập từ hai nơi trở lên (trừ trường hợp được miễn quyết toán).",
  THUE_CC + ["Luật Thuế thu nhập cá nhân số 04/2007/QH12 (sửa đổi, bổ sung)"],
  ["quyết toán thuế tncn", "hoàn thuế thu nhập cá nhân", "quyet toan thue ca nhan", "qtt tncn"], "BTC", online="thue")

R("BG-THUE-004", "Khai lệ phí trước bạ nhà, đất", "Quản lý thuế", "tinh", "CUC_THUE", CT, "Chi cục trưởng Chi cục Thuế nơi có nhà, đất", "Bộ phận Một cửa liên thông về đất đai (Trung tâm Phục vụ hành chính công tỉnh hoặc Bộ phận Một cửa cấp huyện)",
  C("tt,tuyen", "Cơ quan thuế ban hành thông báo nộp lệ phí trước bạ trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ do Văn phòng Đăng ký đất đai chuyển đến", 3,
    "Lệ phí trước bạ nhà, đất: 0,5% giá tính lệ phí trước bạ (theo Bảng giá đất của UBND tỉnh); miễn đối với thừa kế, tặng cho giữa các thành viên gia đình theo Nghị định số 10/2022/NĐ-CP", None),
  "mot_phan",
  [D("Tờ khai lệ phí trước bạ nhà, đất", 1, 0, "Mẫu số 01/LPTB ban hành kèm Nghị định số 126/2020/NĐ-CP"),
   D("Giấy tờ về nhà, đất; hợp đồng chuyển nhượng/tặng cho/văn bản thừa kế", 0, 1),
   D("Giấy tờ chứng minh thuộc diện miễn lệ phí trước bạ (nếu có)", 0, 1)],
  ["Người nộp lệ phí nộp tờ khai cùng hồ sơ đăng ký đất đai tại Bộ phận Một cửa (liên thông).",
   "Văn phòng Đăng ký đất đai chuyển thông tin địa chính cho cơ quan thuế.",
   "Cơ quan thuế xác định số lệ phí phải nộp, ban hành thông báo.",
   "Người nộp nộp tiền vào ngân sách (trực tuyến hoặc tại ngân hàng, kho bạc)."],
  "Thông báo nộp lệ phí trước bạ nhà, đất; chứng từ nộp ngân sách.",
  "Tổ chức, cá nhân có nhà, đất phải đăng ký quyền sở hữu, quyền sử dụng với cơ quan nhà nước.",
  THUE_CC + ["Nghị định số 10/2022/NĐ-CP quy định về lệ phí trước bạ"],
  ["lệ phí trước bạ nhà đất", "thuế trước bạ sang tên", "le phi truoc ba", "nộp trước bạ sổ đỏ"], "BTC", online="thue")


# =========================================================================== SỞ NGOẠI VỤ
SNGV = "Sở Ngoại vụ tỉnh Bắc Giang"

R("BG-NGV-001", "Cho phép tổ chức hội nghị, hội thảo quốc tế", "Hợp tác quốc tế", "tinh", "SO_NGOAI_VU", SNGV + " (tham mưu)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen,bc", "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Sở Ngoại vụ lấy ý kiến cơ quan liên quan và trình Chủ tịch UBND tỉnh)", 15, "Không thu phí, lệ phí", 0),
  "mot_phan",
  [D("Văn bản đề nghị tổ chức hội nghị, hội thảo quốc tế (gửi trước ít nhất 30 ngày trước ngày dự kiến tổ chức)", 1, 0),
   D("Đề án tổ chức hội nghị, hội thảo: mục đích, nội dung, chương trình, thời gian, địa điểm, thành phần tham dự (đại biểu nước ngoài), nguồn kinh phí", 1, 0),
   D("Ý kiến bằng văn bản của các cơ quan liên quan (Công an tỉnh…) nếu có", 0, 1)],
  ["Cơ quan, tổ chức, doanh nghiệp trên địa bàn gửi hồ sơ đến Sở Ngoại vụ.",
   "Sở Ngoại vụ thẩm định, lấy ý kiến Công an tỉnh và các cơ quan liên quan.",
   "Trình Chủ tịch UBND tỉnh xem xét cho phép.",
   "Thông báo văn bản cho phép; đơn vị tổ chức báo cáo kết quả trong 15 ngày sau khi kết thúc."],
  "Văn bản cho phép tổ chức hội nghị, hội thảo quốc tế của Chủ tịch UBND tỉnh.",
  "Hội nghị, hội thảo có sự tham gia hoặc tài trợ của nước ngoài, tổ chức tại tỉnh Bắc Giang, thuộc thẩm quyền cho phép của Chủ tịch UBND tỉnh (không liên quan đến chính trị, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, biển đảo… thuộc thẩm quyền Thủ tướng).",
  ["Quyết định số 06/2020/QĐ-TTg về tổ chức và quản lý hội nghị, hội thảo quốc tế tại Việt Nam", "Quy chế quản lý thống nhất hoạt động đối ngoại trên địa bàn tỉnh Bắc Giang"],
  ["hội thảo quốc tế", "tổ chức hội nghị có người nước ngoài", "hoi thao quoc te", "xin phép hội nghị quốc tế"], "NGV")

R("BG-NGV-002", "Cho phép sử dụng thẻ đi lại của doanh nhân APEC", "Hợp tác quốc tế", "tinh", "SO_NGOAI_VU", SNGV + " (tham mưu)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt,tuyen,bc", "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 10, "Không thu phí (lệ phí cấp thẻ nộp tại Cục Quản lý xuất nhập cảnh: 1.200.000 đồng/thẻ)", 0),
  "mot_phan",
  [D("Văn bản đề nghị cho phép sử dụng thẻ ABTC của doanh nghiệp", 1, 0, "Mẫu ban hành kèm Quyết định số 09/2023/QĐ-TTg"),
   D("Bản sao hợp đồng, văn bản giao dịch thương mại với đối tác các nền kinh tế thành viên APEC", 0, 1),
   D("Bản sao quyết định bổ nhiệm chức vụ/hợp đồng lao động; xác nhận đóng BHXH của doanh nhân; xác nhận của cơ quan thuế về việc hoàn thành nghĩa vụ thuế", 0, 1)],
  ["Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Ngoại vụ) hoặc trực tuyến.",
   "Sở Ngoại vụ thẩm định, lấy ý kiến cơ quan thuế, BHXH, Công an tỉnh.",
   "Trình Chủ tịch UBND tỉnh ban hành văn bản cho phép.",
   "Doanh nhân nộp văn bản cho phép tại Cục Quản lý xuất nhập cảnh để được cấp thẻ ABTC."],
  "Văn bản cho phép sử dụng thẻ ABTC của Chủ tịch UBND tỉnh.",
  "Doanh nhân giữ chức vụ quản lý trong doanh nghiệp hoạt động hợp pháp ít nhất 01 năm, có quan hệ thương mại với đối tác các nền kinh tế APEC; doanh nghiệp chấp hành tốt nghĩa vụ thuế, BHXH.",
  ["Quyết định số 09/2023/QĐ-TTg về việc cấp và quản lý thẻ đi lại của doanh nhân APEC", "Thông tư số 25/2021/TT-BTC (lệ phí cấp thẻ ABTC)"],
  ["thẻ apec", "abtc", "the di lai doanh nhan apec", "xin thẻ apec cho giám đốc"], "NGV")

R("BG-NGV-003", "Tiếp nhận hồ sơ chứng nhận lãnh sự, hợp pháp hóa lãnh sự tại Sở Ngoại vụ", "Lãnh sự", "tinh", "SO_NGOAI_VU", SNGV + " (tiếp nhận, chuyển Cục Lãnh sự - Bộ Ngoại giao)", "Cục Lãnh sự - Bộ Ngoại giao", "TINH",
  C("tt,bc", "01 ngày làm việc kể từ ngày nhận đủ hồ sơ (không quá 05 ngày làm việc với hồ sơ trên 10 giấy tờ), cộng thời gian chuyển hồ sơ", 1,
    "Lệ phí chứng nhận lãnh sự, hợp pháp hóa lãnh sự: 30.000 đồng/bản (Thông tư số 157/2016/TT-BTC)", 30000),
  "thong_tin",
  [D("Tờ khai chứng nhận lãnh sự, hợp pháp hóa lãnh sự", 1, 0, "Mẫu LS/HPH-2012/TK ban hành kèm Thông tư số 01/2012/TT-BNG"),
   D("Giấy tờ cần chứng nhận/hợp pháp hóa (kèm 01 bản chụp); giấy tờ tùy thân của người nộp (bản chụp)", 1, 1)],
  ["Người yêu cầu nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Ngoại vụ).",
   "Sở Ngoại vụ kiểm tra, chuyển hồ sơ đến Cục Lãnh sự.",
   "Cục Lãnh sự chứng nhận/hợp pháp hóa; Sở Ngoại vụ trả kết quả."],
  "Giấy tờ đã được chứng nhận lãnh sự hoặc hợp pháp hóa lãnh sự.",
  "Giấy tờ do cơ quan Việt Nam cấp để sử dụng ở nước ngoài (chứng nhận lãnh sự) hoặc giấy tờ nước ngoài đã được cơ quan đại diện nước ngoài chứng nhận để sử dụng tại Việt Nam (hợp pháp hóa).",
  ["Nghị định số 111/2011/NĐ-CP về chứng nhận lãnh sự, hợp pháp hóa lãnh sự", "Thông tư số 01/2012/TT-BNG", "Thông tư số 157/2016/TT-BTC"],
  ["hợp pháp hóa lãnh sự", "chứng nhận lãnh sự", "hop phap hoa lanh su", "hợp pháp hoá giấy tờ đi nước ngoài"], "NGV")

R("BG-NGV-004", "Cho phép cơ quan, tổ chức trên địa bàn tỉnh đón tiếp đoàn khách nước ngoài", "Hợp tác quốc tế", "tinh", "SO_NGOAI_VU", SNGV + " (tham mưu)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt,bc", "07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 7, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị đón đoàn (gửi trước ít nhất 10 ngày làm việc)", 1, 0),
   D("Chương trình làm việc dự kiến; danh sách thành viên đoàn (họ tên, quốc tịch, số hộ chiếu, chức vụ)", 1, 0)],
  ["Cơ quan, tổ chức gửi hồ sơ đến Sở Ngoại vụ.",
   "Sở Ngoại vụ lấy ý kiến Công an tỉnh và cơ quan liên quan.",
   "Trình Chủ tịch UBND tỉnh cho phép; thông báo kết quả."],
  "Văn bản đồng ý của Chủ tịch UBND tỉnh.",
  "Cơ quan, đơn vị sự nghiệp công lập, tổ chức chính trị - xã hội trên địa bàn đón đoàn khách nước ngoài đến làm việc theo Quy chế quản lý hoạt động đối ngoại của tỉnh.",
  ["Nghị định số 28/2022/NĐ-CP về quản lý thống nhất hoạt động đối ngoại", "Quy chế quản lý thống nhất hoạt động đối ngoại trên địa bàn tỉnh Bắc Giang"],
  ["đón đoàn nước ngoài", "khách nước ngoài đến làm việc", "don doan khach nuoc ngoai"], "NGV")


# =========================================================================== BAN DÂN TỘC
BDT = "Ban Dân tộc tỉnh Bắc Giang"
UYTIN_CC = ["Quyết định số 12/2018/QĐ-TTg về tiêu chí lựa chọn, công nhận người có uy tín và chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số (sửa đổi bởi Quyết định số 28/2023/QĐ-TTg)",
            "Thông tư số 02/2024/TT-UBDT hướng dẫn thực hiện Quyết định số 12/2018/QĐ-TTg"]

R("BG-DTOC-001", "Công nhận người có uy tín trong đồng bào dân tộc thiểu số", "Công tác dân tộc", "tinh", "BAN_DAN_TOC", BDT + " (tổng hợp, thẩm định)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt", "Theo kế hoạch bình chọn định kỳ 05 năm/lần (rà soát, bổ sung hằng năm): cấp xã 10 ngày, cấp huyện 10 ngày, Ban Dân tộc thẩm định và trình UBND tỉnh 15 ngày", 35,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Biên bản họp bình chọn người có uy tín tại thôn, bản", 1, 0, "Mẫu số 01 ban hành kèm Thông tư số 02/2024/TT-UBDT"),
   D("Văn bản đề nghị và danh sách người có uy tín của UBND cấp xã, UBND cấp huyện", 1, 0),
   D("Tóm tắt lý lịch, thành tích của người được đề nghị", 1, 0)],
  ["Thôn, bản họp bình chọn (trưởng ban công tác Mặt trận chủ trì), lập biên bản gửi UBND cấp xã.",
   "UBND cấp xã tổng hợp gửi UBND cấp huyện (Phòng Dân tộc); UBND cấp huyện thẩm định, đề nghị.",
   "Ban Dân tộc tỉnh thẩm định, tổng hợp trình Chủ tịch UBND tỉnh.",
   "Chủ tịch UBND tỉnh quyết định phê duyệt danh sách người có uy tín; thực hiện chế độ chính sách."],
  "Quyết định phê duyệt danh sách người có uy tín trong đồng bào dân tộc thiểu số.",
  "Công dân Việt Nam thường trú tại thôn, bản vùng đồng bào dân tộc thiểu số; gương mẫu chấp hành chủ trương, pháp luật; có hiểu biết về văn hóa truyền thống, có khả năng tập hợp quần chúng, được người dân tín nhiệm, tôn trọng.",
  UYTIN_CC,
  ["người có uy tín", "già làng trưởng bản", "nguoi co uy tin dan toc thieu so", "công nhận người có uy tín"], "DTOC")

R("BG-DTOC-002", "Đưa ra khỏi danh sách và thay thế, bổ sung người có uy tín trong đồng bào dân tộc thiểu số", "Công tác dân tộc", "tinh", "BAN_DAN_TOC", BDT + " (tổng hợp, thẩm định)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tt", "Không quá 30 ngày kể từ ngày nhận đủ hồ sơ đề nghị của UBND cấp huyện", 30, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị của UBND cấp huyện kèm danh sách đưa ra, thay thế, bổ sung", 1, 0, "Mẫu ban hành kèm Thông tư số 02/2024/TT-UBDT"),
   D("Biên bản họp của thôn, bản về việc bình chọn người thay thế (nếu có)", 1, 0)],
  ["UBND cấp xã rà soát, đề xuất các trường hợp đưa ra khỏi danh sách (qua đời, chuyển nơi khác, vi phạm pháp luật, không còn uy tín) và người thay thế.",
   "UBND cấp huyện tổng hợp gửi Ban Dân tộc.",
   "Ban Dân tộc thẩm định, trình Chủ tịch UBND tỉnh quyết định."],
  "Quyết định điều chỉnh danh sách người có uy tín.",
  "Người có uy tín qua đời, chuyển khỏi địa bàn, tự nguyện xin thôi, vi phạm pháp luật hoặc không còn đáp ứng tiêu chí.",
  UYTIN_CC,
  ["thay thế người có uy tín", "đưa ra khỏi danh sách người có uy tín"], "DTOC")

R("BG-DTOC-003", "Hỗ trợ người có uy tín trong đồng bào dân tộc thiểu số khi ốm đau, gặp khó khăn hoặc qua đời", "Công tác dân tộc", "tinh", "BAN_DAN_TOC", BDT, "Trưởng Ban Dân tộc tỉnh", "XA",
  C("tt", "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ đề nghị", 10, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị hỗ trợ của UBND cấp xã/UBND cấp huyện", 1, 0),
   D("Giấy ra viện/giấy chứng nhận điều trị (khi ốm đau); trích lục khai tử (khi qua đời); xác nhận thiệt hại do thiên tai, hỏa hoạn (khi gặp khó khăn)", 0, 1)],
  ["Gia đình người có uy tín báo UBND cấp xã; UBND cấp xã lập hồ sơ đề nghị.",
   "UBND cấp huyện/Ban Dân tộc tiếp nhận, thẩm định.",
   "Ban Dân tộc (hoặc UBND cấp huyện theo phân cấp) thăm hỏi, chi hỗ trợ theo mức quy định."],
  "Quyết định hỗ trợ và thăm hỏi (mức hỗ trợ ốm đau tối đa 1.000.000 - 2.000.000 đồng/người/lần; hỗ trợ khi qua đời tối đa 2.000.000 đồng theo Quyết định 12/2018/QĐ-TTg sửa đổi).",
  "Người có uy tín trong danh sách được phê duyệt; ốm đau điều trị tại cơ sở y tế, gia đình gặp khó khăn do thiên tai, hỏa hoạn hoặc người có uy tín qua đời.",
  UYTIN_CC,
  ["hỗ trợ người có uy tín ốm đau", "chế độ người có uy tín", "tham hoi nguoi co uy tin"], "DTOC")

R("BG-DTOC-004", "Đề nghị xét tặng Kỷ niệm chương “Vì sự nghiệp phát triển các dân tộc”", "Công tác dân tộc", "tinh", "BAN_DAN_TOC", BDT + " (tiếp nhận, thẩm định, đề nghị)", "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", "TINH",
  C("tt,bc", "Ban Dân tộc thẩm định, tổng hợp trình trong 15 ngày làm việc; Ủy ban Dân tộc xét tặng theo đợt hằng năm", 15, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Bản đề nghị xét tặng Kỷ niệm chương có xác nhận của cơ quan quản lý", 1, 0, "Mẫu ban hành kèm Thông tư số 04/2023/TT-UBDT"),
   D("Bản sao quyết định khen thưởng, giấy tờ chứng minh thời gian công tác/đóng góp cho công tác dân tộc", 0, 1)],
  ["Cá nhân, cơ quan, đơn vị lập hồ sơ gửi Ban Dân tộc tỉnh.",
   "Ban Dân tộc thẩm định, tổng hợp, báo cáo UBND tỉnh và gửi Ủy ban Dân tộc.",
   "Ủy ban Dân tộc xét, quyết định tặng Kỷ niệm chương; Ban Dân tộc tổ chức trao tặng."],
  "Quyết định tặng Kỷ niệm chương “Vì sự nghiệp phát triển các dân tộc”.",
  "Cá nhân có thời gian công tác và thành tích đóng góp cho công tác dân tộc theo tiêu chuẩn của Ủy ban Dân tộc.",
  ["Luật Thi đua, khen thưởng số 06/2022/QH15", "Thông tư số 04/2023/TT-UBDT quy định công tác thi đua, khen thưởng và xét tặng Kỷ niệm chương ngành công tác dân tộc"],
  ["kỷ niệm chương dân tộc", "ky niem chuong vi su nghiep phat trien cac dan toc"], "DTOC")


# =========================================================================== SỞ TÀI CHÍNH
STC = "Sở Tài chính tỉnh Bắc Giang"

R("BG-TC-001", "Cấp mã số đơn vị có quan hệ với ngân sách", "Tin học, thống kê tài chính", "tinh", "SO_TAI_CHINH", STC, "Giám đốc Sở Tài chính", "TINH",
  C("tuyen,tt,bc", "02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 2, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách (dùng cho đơn vị dự toán, đơn vị sử dụng ngân sách, đơn vị khác có quan hệ với ngân sách)", 1, 0, "Mẫu số 01-MSNS-BTC ban hành kèm Thông tư số 185/2015/TT-BTC"),
   D("Bản sao quyết định thành lập đơn vị hoặc văn bản giao nhiệm vụ", 0, 1)],
  ["Đơn vị kê khai trực tuyến trên Cổng Dịch vụ công Bộ Tài chính hoặc nộp tại Trung tâm Phục vụ hành chính công tỉnh (quầy Sở Tài chính).",
   "Sở Tài chính kiểm tra hồ sơ, thông tin kê khai.",
   "Cấp Giấy chứng nhận mã số đơn vị có quan hệ với ngân sách (bản điện tử gửi qua email/Cổng Dịch vụ công)."],
  "Giấy chứng nhận đăng ký mã số đơn vị có quan hệ với ngân sách.",
  "Cơ quan, đơn vị, tổ chức sử dụng ngân sách nhà nước, đơn vị dự toán, chủ đầu tư cấp tỉnh, cấp huyện, cấp xã trên địa bàn tỉnh chưa được cấp mã số.",
  ["Luật Ngân sách nhà nước số 83/2015/QH13", "Thông tư số 185/2015/TT-BTC hướng dẫn đăng ký, cấp và sử dụng mã số đơn vị có quan hệ với ngân sách (sửa đổi bởi Thông tư số 105/2017/TT-BTC)"],
  ["mã số đơn vị quan hệ ngân sách", "mã qhns", "ma so qhns", "mã số ngân sách", "msns"], "TC", online="tc")

R("BG-TC-002", "Cấp mã số đơn vị có quan hệ với ngân sách cho dự án đầu tư", "Tin học, thống kê tài chính", "tinh", "SO_TAI_CHINH", STC, "Giám đốc Sở Tài chính", "TINH",
  C("tuyen,tt,bc", "02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 2, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách dùng cho các dự án đầu tư ở giai đoạn chuẩn bị đầu tư/thực hiện dự án", 1, 0, "Mẫu số 02-MSNS-BTC hoặc 03-MSNS-BTC ban hành kèm Thông tư số 185/2015/TT-BTC"),
   D("Bản sao quyết định phê duyệt chủ trương đầu tư/quyết định đầu tư dự án", 0, 1)],
  ["Chủ đầu tư kê khai trực tuyến hoặc nộp tại Trung tâm Phục vụ hành chính công tỉnh.",
   "Sở Tài chính kiểm tra hồ sơ.",
   "Cấp Giấy chứng nhận mã số cho dự án đầu tư."],
  "Giấy chứng nhận đăng ký mã số đơn vị có quan hệ với ngân sách (dự án đầu tư).",
  "Dự án đầu tư sử dụng vốn ngân sách nhà nước do địa phương quản lý đã có quyết định chủ trương đầu tư hoặc quyết định đầu tư.",
  ["Luật Ngân sách nhà nước số 83/2015/QH13", "Luật Đầu tư công số 58/2024/QH15", "Thông tư số 185/2015/TT-BTC"],
  ["mã dự án đầu tư ngân sách", "ma so du an dau tu qhns"], "TC", online="tc")

R("BG-TC-003", "Tiếp nhận văn bản kê khai giá", "Quản lý giá", "tinh", "SO_TAI_CHINH", STC + " (hoặc sở quản lý ngành theo phân công của UBND tỉnh)", "Giám đốc Sở Tài chính", "TINH",
  C("tuyen,tt,bc", "Tiếp nhận ngay khi nhận văn bản; trường hợp văn bản chưa đầy đủ thông tin, thông báo trong 05 ngày làm việc", None, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Văn bản kê khai giá hàng hóa, dịch vụ", 1, 0, "Mẫu ban hành kèm Nghị định số 85/2024/NĐ-CP")],
  ["Tổ chức, cá nhân sản xuất, kinh doanh hàng hóa, dịch vụ thuộc danh mục kê khai giá gửi văn bản kê khai trước khi định giá, điều chỉnh giá.",
   "Sở Tài chính tiếp nhận, kiểm tra nội dung văn bản kê khai.",
   "Công bố thông tin kê khai giá trên Cơ sở dữ liệu quốc gia về giá; yêu cầu giải trình nếu mức giá bất hợp lý."],
  "Văn bản kê khai giá được tiếp nhận, đăng tải trên Cơ sở dữ liệu quốc gia về giá.",
  "Hàng hóa, dịch vụ thuộc Danh mục kê khai giá theo Luật Giá 2023 (sữa cho trẻ dưới 6 tuổi, thức ăn chăn nuôi, giá vé xe khách, dịch vụ trông giữ xe…).",
  ["Luật Giá số 16/2023/QH15", "Nghị định số 85/2024/NĐ-CP quy định chi tiết một số điều của Luật Giá"],
  ["kê khai giá", "ke khai gia", "đăng ký giá cước xe khách"], "TC")

R("BG-TC-004", "Hiệp thương giá", "Quản lý giá", "tinh", "SO_TAI_CHINH", STC, "Giám đốc Sở Tài chính", "TINH",
  C("tt,bc", "Tổ chức hiệp thương trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; thông báo kết quả trong 05 ngày làm việc sau khi hiệp thương", 15, "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Văn bản đề nghị hiệp thương giá của bên mua hoặc bên bán (hoặc cả hai bên)", 1, 0),
   D("Phương án giá của bên bán; ý kiến của bên mua về phương án giá", 1, 0)],
  ["Bên mua, bên bán gửi hồ sơ đề nghị hiệp thương giá tới Sở Tài chính.",
   "Sở Tài chính tổ chức hiệp thương giá với sự tham gia của hai bên.",
   "Thông báo kết quả hiệp thương (giá thống nhất hoặc giá tạm thời để hai bên thi hành)."],
  "Văn bản thông báo kết quả hiệp thương giá.",
  "Hàng hóa, dịch vụ thuộc diện hiệp thương giá; hai bên mua bán có quan hệ cung cầu ổn định nhưng chưa thống nhất giá, có ảnh hưởng đến sản xuất, đời sống trên địa bàn tỉnh.",
  ["Luật Giá số 16/2023/QH15", "Nghị định số 85/2024/NĐ-CP"],
  ["hiệp thương giá", "hiep thuong gia"], "TC")


# =========================================================================== VĂN PHÒNG UBND TỈNH
VPU = "Văn phòng UBND tỉnh Bắc Giang"

R("BG-VP-001", "Tiếp công dân tại Trụ sở Tiếp công dân tỉnh", "Tiếp công dân", "tinh", "VP_UBND", "Ban Tiếp công dân tỉnh (thuộc Văn phòng UBND tỉnh Bắc Giang)", "Chủ tịch UBND tỉnh (tiếp định kỳ ít nhất 01 ngày/tháng); Trưởng Ban Tiếp công dân tỉnh", "Trụ sở Tiếp công dân tỉnh Bắc Giang",
  C("tt", "Tiếp thường xuyên vào các ngày làm việc; Chủ tịch UBND tỉnh tiếp định kỳ hằng tháng. Trả lời việc thụ lý/chuyển đơn trong 10 ngày làm việc", None,
    "Không thu phí, lệ phí", 0),
  "thong_tin",
  [D("Giấy tờ tùy thân (thẻ căn cước); giấy ủy quyền nếu là người đại diện", 0, 0),
   D("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh và tài liệu kèm theo (nếu có)", 1, 1)],
  ["Công dân đến Trụ sở Tiếp công dân tỉnh, xuất trình giấy tờ tùy thân.",
   "Cán bộ tiếp công dân nghe, ghi chép nội dung; hướng dẫn viết đơn nếu công dân chưa có đơn.",
   "Phân loại, xử lý: tiếp nhận đơn thuộc thẩm quyền, chuyển cơ quan có thẩm quyền hoặc hướng dẫn công dân.",
   "Theo dõi, đôn đốc việc giải quyết và thông báo cho công dân."],
  "Phiếu hẹn/văn bản hướng dẫn, chuyển đơn; nội dung vụ việc được ghi vào sổ tiếp công dân.",
  "Công dân có khiếu nại, tố cáo, kiến nghị, phản ánh liên quan đến cơ quan, cán bộ trên địa bàn tỉnh; nhiều người cùng nội dung thì cử đại diện (không quá 05 người).",
  ["Luật Tiếp công dân số 42/2013/QH13", "Nghị định số 64/2014/NĐ-CP quy định chi tiết Luật Tiếp công dân", "Thông tư số 04/2021/TT-TTCP quy định quy trình tiếp công dân"],
  ["tiếp công dân", "gặp chủ tịch tỉnh", "tiep cong dan tinh", "lịch tiếp dân", "trụ sở tiếp dân"], "VP")

R("BG-VP-002", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính", "Kiểm soát thủ tục hành chính", "tinh", "VP_UBND", VPU + " (Phòng Kiểm soát thủ tục hành chính)", "Chủ tịch UBND tỉnh Bắc Giang", "TINH",
  C("tuyen,tt,bc", "Phân loại, chuyển xử lý trong 02 ngày làm việc; cơ quan có thẩm quyền xử lý trong 10 ngày làm việc (phức tạp: không quá 30 ngày)", 10,
    "Không thu phí, lệ phí", 0,
    on_note="Gửi phản ánh, kiến nghị trên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị của Cổng Dịch vụ công quốc gia hoặc hệ thống của tỉnh."),
  "toan_trinh",
  [D("Văn bản phản ánh, kiến nghị (ghi rõ nội dung, tên, địa chỉ, số điện thoại của cá nhân, tổ chức)", 1, 0)],
  ["Cá nhân, tổ chức gửi phản ánh, kiến nghị về quy định hành chính, hành vi hành chính trong giải quyết thủ tục hành chính (trực tuyến, thư, điện thoại, trực tiếp).",
   "Văn phòng UBND tỉnh tiếp nhận, phân loại, chuyển cơ quan có thẩm quyền xử lý.",
   "Cơ quan có thẩm quyền nghiên cứu, xử lý, trả lời.",
   "Công khai kết quả xử lý trên Cổng Dịch vụ công và thông báo cho người phản ánh."],
  "Văn bản trả lời kết quả xử lý phản ánh, kiến nghị (được công khai).",
  "Phản ánh về những vướng mắc cụ thể trong thực hiện quy định hành chính, sự không hợp pháp, không hợp lý, không thống nhất của quy định hành chính; hành vi chậm trễ, gây phiền hà, nhũng nhiễu của cán bộ khi giải quyết thủ tục hành chính. Không áp dụng cho khiếu nại, tố cáo.",
  ["Nghị định số 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính (sửa đổi bởi Nghị định số 92/2017/NĐ-CP)", "Thông tư số 02/2017/TT-VPCP hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính"],
  ["phản ánh kiến nghị", "phản ánh cán bộ gây phiền hà", "phan anh kien nghi thu tuc hanh chinh", "hồ sơ bị trễ hẹn phản ánh ở đâu"], "VP")

R("BG-VP-003", "Tiếp nhận, xử lý phản ánh, kiến nghị qua Đường dây nóng của Chủ tịch UBND tỉnh", "Kiểm soát thủ tục hành chính", "tinh", "VP_UBND", VPU, "Chủ tịch UBND tỉnh Bắc Giang", VPU + " (Đường dây nóng, hộp thư điện tử, ứng dụng phản ánh hiện trường)",
  C("tuyen,tt", "Chuyển xử lý trong 01 ngày làm việc; cơ quan được giao trả lời không quá 05 ngày làm việc (vụ việc khẩn cấp xử lý ngay)", 5, "Không thu phí, lệ phí", 0,
    on_note="Gửi qua hộp thư điện tử đường dây nóng, ứng dụng/Cổng thông tin phản ánh hiện trường của tỉnh hoặc gọi điện thoại đường dây nóng."),
  "toan_trinh",
  [D("Nội dung phản ánh (bằng lời qua điện thoại, tin nhắn, email, ứng dụng) kèm hình ảnh, video (nếu có); thông tin liên hệ của người phản ánh", 1, 0)],
  ["Người dân, doanh nghiệp phản ánh qua Đường dây nóng, hộp thư điện tử hoặc ứng dụng.",
   "Văn phòng UBND tỉnh tiếp nhận, phân loại và chuyển cơ quan, địa phương có trách nhiệm.",
   "Cơ quan được giao xác minh, xử lý, báo cáo kết quả.",
   "Thông báo kết quả cho người phản ánh và công khai (trừ thông tin cá nhân)."],
  "Thông tin trả lời, kết quả xử lý phản ánh.",
  "Phản ánh về hành vi nhũng nhiễu, tiêu cực, vi phạm trong thi hành công vụ, về trật tự đô thị, môi trường, hạ tầng… trên địa bàn tỉnh; không xử lý phản ánh không rõ nội dung, vu khống.",
  ["Quy chế tiếp nhận, xử lý phản ánh, kiến nghị qua Đường dây nóng của UBND tỉnh Bắc Giang", "Luật Tiếp cận thông tin số 104/2016/QH13"],
  ["đường dây nóng chủ tịch tỉnh", "hotline ubnd tỉnh", "duong day nong", "phản ánh hiện trường"], "VP")

R("BG-VP-004", "Đánh giá việc giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh", "Kiểm soát thủ tục hành chính", "tinh", "VP_UBND", VPU + " (Trung tâm Phục vụ hành chính công tỉnh)", "Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "TINH",
  C("tuyen,tt", "Đánh giá ngay khi nhận kết quả; phản hồi về đánh giá “không hài lòng” trong 05 ngày làm việc", None, "Không thu phí, lệ phí", 0),
  "toan_trinh",
  [D("Phiếu đánh giá (bằng thiết bị điện tử tại quầy, trên Cổng Dịch vụ công, tin nhắn hoặc phiếu giấy)", 1, 0, "Mẫu phiếu đánh giá theo Thông tư số 01/2018/TT-VPCP")],
  ["Sau khi nhận kết quả, cá nhân, tổ chức đánh giá mức độ hài lòng (rất hài lòng/hài lòng/không hài lòng) về cán bộ và quá trình giải quyết.",
   "Trung tâm tổng hợp kết quả đánh giá; đánh giá “không hài lòng” được chuyển cơ quan có thẩm quyền xem xét.",
   "Công khai kết quả đánh giá định kỳ trên Cổng Dịch vụ công của tỉnh."],
  "Kết quả đánh giá được ghi nhận và công khai.",
  "Cá nhân, tổ chức đã thực hiện thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh hoặc trên Cổng Dịch vụ công.",
  ["Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính (sửa đổi bởi Nghị định số 107/2021/NĐ-CP)", "Thông tư số 01/2018/TT-VPCP"],
  ["đánh giá cán bộ một cửa", "chấm điểm hài lòng", "danh gia muc do hai long", "không hài lòng với cán bộ tiếp nhận"], "VP")


# =========================================================================== output and checks
def _nfc(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [_nfc(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _nfc(v) for k, v in obj.items()}
    return obj


def _key(text):
    return unicodedata.normalize("NFC", text).strip().casefold()


def _load_yaml(path):
    import yaml  # PyYAML (a dependency of the project's org loader)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def check(records, required_path=None):
    """Validate the catalog; returns a list of problems (empty = fine) and prints counts."""
    problems = []
    depts = _load_yaml(ROOT / "intake" / "org" / "data" / "departments.yml")
    queue_codes = {d["code"] for d in depts["provincial"]} | {d["code"] for d in depts["central_in_province"]}
    allowed = queue_codes | {"XA", "HUYEN"}
    codes, names = Counter(), Counter()
    import re
    code_re = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")
    for r in records:
        codes[r["ma_tthc"]] += 1
        names[_key(r["ten_tthc"])] += 1
        where = r["ma_tthc"]
        if not code_re.match(r["ma_tthc"]):
            problems.append(f"{where}: bad code")
        if r["queue"] not in allowed:
            problems.append(f"{where}: unknown queue {r['queue']}")
        if not r["cap_thuc_hien"] or any(c not in ("tinh", "huyen", "xa") for c in r["cap_thuc_hien"]):
            problems.append(f"{where}: bad cap_thuc_hien {r['cap_thuc_hien']}")
        if r["muc_do_dvc"] not in ("toan_trinh", "mot_phan", "thong_tin"):
            problems.append(f"{where}: bad muc_do_dvc")
        if not r["cach_thuc_thuc_hien"]:
            problems.append(f"{where}: no channel")
        kinds = [c["hinh_thuc"] for c in r["cach_thuc_thuc_hien"]]
        if len(kinds) != len(set(kinds)):
            problems.append(f"{where}: duplicate channel")
        if r["muc_do_dvc"] != "thong_tin" and "truc_tuyen" not in kinds:
            problems.append(f"{where}: online level {r['muc_do_dvc']} without an online channel")
        for c in r["cach_thuc_thuc_hien"]:
            if c["hinh_thuc"] not in ("truc_tiep", "truc_tuyen", "buu_chinh"):
                problems.append(f"{where}: bad hinh_thuc")
            if c["le_phi_vnd"] is not None and (not isinstance(c["le_phi_vnd"], int) or c["le_phi_vnd"] < 0):
                problems.append(f"{where}: bad le_phi_vnd")
            if c["thoi_han_ngay"] is not None and not isinstance(c["thoi_han_ngay"], int | float):
                problems.append(f"{where}: bad thoi_han_ngay")
        if not 3 <= len(r["trinh_tu_thuc_hien"]) <= 6:
            problems.append(f"{where}: {len(r['trinh_tu_thuc_hien'])} steps")
        if not 2 <= len(r["tu_khoa"]) <= 6:
            problems.append(f"{where}: {len(r['tu_khoa'])} keywords")
        if len({_key(k) for k in r["tu_khoa"]}) != len(r["tu_khoa"]):
            problems.append(f"{where}: duplicate keyword")
        if not r["thanh_phan_ho_so"] or not r["can_cu_phap_ly"]:
            problems.append(f"{where}: no documents or legal basis")
        for d in r["thanh_phan_ho_so"]:
            if d["ban_chinh"] < 0 or d["ban_sao"] < 0:
                problems.append(f"{where}: negative count")
        if r["demo"] is not True:
            problems.append(f"{where}: not marked demo")
        if len(r["ngay_cong_bo"]) != 10:
            problems.append(f"{where}: bad date")
    problems += [f"duplicate code {c}" for c, n in codes.items() if n > 1]
    problems += [f"duplicate name {c}" for c, n in names.items() if n > 1]
    if len(records) < 170:
        problems.append(f"only {len(records)} records")
    by_queue = Counter(r["queue"] for r in records)
    for q in sorted(queue_codes):
        if by_queue[q] < 3:
            problems.append(f"queue {q} owns only {by_queue[q]} procedures")
    # required procedures
    if required_path is not None and required_path.exists():
        by_name = {_key(r["ten_tthc"]): r for r in records}
        required = _load_yaml(required_path)
        for item in required:
            rec = by_name.get(_key(item["name"]))
            if rec is None:
                problems.append(f"required {item['id']} {item['name']!r} missing")
                continue
            if rec["ten_tthc"] != unicodedata.normalize("NFC", item["name"]):
                problems.append(f"required {item['id']}: name differs in case/spacing")
            if rec["linh_vuc"] != item["field"]:
                problems.append(f"required {item['id']}: field {rec['linh_vuc']!r} != {item['field']!r}")
            if rec["cap_thuc_hien"] != [item["level"]]:
                problems.append(f"required {item['id']}: level {rec['cap_thuc_hien']} != [{item['level']!r}]")
            if rec["queue"] != item["queue"]:
                problems.append(f"required {item['id']}: queue {rec['queue']} != {item['queue']}")
        print(f"required procedures checked: {len(required)}")
    else:
        print("required-procedures.yml not found: required names NOT checked")
    print(f"total: {len(records)}")
    print("per queue:", dict(sorted(by_queue.items())))
    print("per level:", dict(sorted(Counter(lv for r in records for lv in r["cap_thuc_hien"]).items())))
    print("per online level:", dict(sorted(Counter(r["muc_do_dvc"] for r in records).items())))
    return problems


def main(argv):
    import os
    default = ROOT.parent / "shared" / "org" / "required-procedures.yml"
    required = Path(os.environ.get("PAKN_REQUIRED_PROCEDURES", default))
    if "--check" in argv:
        records = json.loads(OUT.read_text(encoding="utf-8"))
    else:
        records = _nfc(RECORDS)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    problems = check(records, required)
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
