import type th from '../th/spreadsheet';

const en: typeof th = {
  spreadsheet: {
    heading: 'Import from Excel or CSV',
    intro:
      "Download the province's template (its organizations are listed already), fill it in and upload it. The file is checked first without saving anything; then you confirm the import.",
    downloadXlsx: 'Download the Excel template (.xlsx)',
    downloadCsv: 'Download the CSV template',
    downloading: 'Downloading…',
    downloadFailed: 'The template could not be downloaded.',
    file: 'File to import (.xlsx or .csv)',
    check: 'Check the file (nothing is saved)',
    cancel: 'Cancel',
    progress: {
      uploading: 'Uploading {pct}',
      reading: 'Checking: {rows} rows read',
    },
    failed: 'The import failed.',
    dryRunOk: 'The file is valid. Nothing has been saved yet: check the summary, then confirm the import.',
    dryRunFailed: '{count} problems found. Nothing was saved: correct the file and upload it again.',
    committed: 'The data was imported.',
    summary: {
      rowsRead: 'Rows read',
      inserted: 'New values',
      updated: 'Changed values',
      unchanged: 'Unchanged',
      deleted: 'Removed values',
      provinces: 'Provinces',
    },
    problems: {
      heading: 'Problems in the file ({count})',
      row: 'Row',
      column: 'Column',
      problem: 'Problem',
      detail: 'Detail',
      wholeFile: 'whole file',
    },
    warnings: {
      heading: 'Unusual values ({count})',
      cell: 'Organization · item',
      value: 'Value',
      expected: 'Usual range',
      help: 'Unusual values do not stop the import, but they must be confirmed before submitting.',
    },
    commit: 'Confirm the import ({count} values)',
    commitHelp: 'The same file is sent again and saved as a whole, or not at all if anything is wrong.',
    readonly: 'The report cannot be changed now, so files cannot be imported. The template can still be downloaded.',
  },
};

export default en;
