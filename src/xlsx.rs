//! The spreadsheet download: the filtered events as an `.xlsx` workbook with an "Events"
//! sheet (the CSV's columns, dates as Excel dates, the header frozen and filterable) and an
//! "About" sheet (the filters, the link back, the dataset version). The writer is
//! `rust_xlsxwriter`; with the `site` feature it is compiled into a chunk of its own and
//! fetched the first time a reader asks for a spreadsheet.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// What goes into the workbook, owned so it can cross into the chunk.
pub struct Sheet {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// (label, value) lines of the About sheet.
    pub about: Vec<(String, String)>,
}

/// Why there is no workbook.
pub enum Failed {
    /// The chunk could not be fetched (offline before it was cached).
    Unloaded,
    /// The writer refused (said in its words).
    Write(String),
}

#[cfg(feature = "site")]
impl From<leptos::wasm_split::SplitLoaderError> for Failed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Failed::Unloaded
    }
}

impl From<XlsxError> for Failed {
    fn from(e: XlsxError) -> Self {
        Failed::Write(e.to_string())
    }
}

/// The workbook's bytes.
#[cfg(feature = "site")]
#[leptos::wasm_split::wasm_split(xlsx, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn workbook(sheet: Sheet) -> Result<Vec<u8>, Failed> {
    write(&sheet)
}

/// The workbook's bytes (no chunk without `site`).
#[cfg(not(feature = "site"))]
pub async fn workbook(sheet: Sheet) -> Result<Vec<u8>, Failed> {
    write(&sheet)
}

/// Columns holding ISO days, written as Excel dates.
const DATE_COLUMNS: [&str; 2] = ["start", "end"];

fn write(sheet: &Sheet) -> Result<Vec<u8>, Failed> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let day = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Left);
    let events = book.add_worksheet().set_name("Events")?;
    for (c, name) in sheet.columns.iter().enumerate() {
        events.write_string_with_format(0, c as u16, name, &bold)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            let is_date = DATE_COLUMNS.contains(&sheet.columns[c].as_str());
            match ExcelDateTime::parse_from_str(value) {
                Ok(d) if is_date => events.write_datetime_with_format(r, c as u16, &d, &day)?,
                _ => events.write_string(r, c as u16, value)?,
            };
        }
    }
    events.set_freeze_panes(1, 0)?;
    if !sheet.rows.is_empty() {
        let last = sheet.columns.len().saturating_sub(1) as u16;
        events.autofilter(0, 0, sheet.rows.len() as u32, last)?;
    }
    let about = book.add_worksheet().set_name("About")?;
    for (r, (label, value)) in sheet.about.iter().enumerate() {
        about.write_string_with_format(r as u32, 0, label, &bold)?;
        about.write_string(r as u32, 1, value)?;
    }
    about.set_column_width(0, 18)?;
    about.set_column_width(1, 100)?;
    Ok(book.save_to_buffer()?)
}
