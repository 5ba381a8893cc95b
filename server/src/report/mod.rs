//! The report to the province (báo cáo kết quả kiểm tra) for an inspection plan: [`input`] is what it is made from
//! (the dashboard's own figures), [`compose`] writes it as a clerk would, and [`html`], [`docx`] and [`xlsx`] print
//! the same [`doc::Document`] as a printable page, a Word file and a workbook of its annex tables.

pub mod compose;
pub mod doc;
pub mod docx;
pub mod html;
pub mod input;
pub mod minutes;
pub mod xlsx;
