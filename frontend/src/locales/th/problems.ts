/**
 * The server's problem codes (extensions.problems[].code and the importer's
 * codes), each as a short sentence; the server's own English sentence is
 * shown beside it as the detail.
 */
export default {
  problems: {
    OUT_OF_RANGE: 'ค่าอยู่นอกช่วงที่กำหนด',
    NOT_WHOLE_NUMBER: 'ต้องเป็นจำนวนเต็ม',
    WRONG_TYPE: 'ชนิดข้อมูลไม่ถูกต้อง',
    NUMERATOR_ABOVE_DENOMINATOR: 'ตัวตั้งมากกว่าตัวหาร',
    REQUIRED: 'ต้องกรอก',
    UNCONFIRMED_WARNING: 'ค่าที่ต่างจากปกติ ยังไม่ได้ยืนยัน',
    BAD_URL: 'ลิงก์ไม่ถูกต้อง',
    BAD_DATE: 'วันที่ไม่ถูกต้อง',
    TEXT_TOO_LONG: 'ข้อความยาวเกินกำหนด',
    DUPLICATE: 'ข้อมูลซ้ำ',
    UNKNOWN_ORG_UNIT: 'ไม่พบรหัสหน่วยงาน',
    OTHER_PROVINCE: 'หน่วยงานอยู่ในจังหวัดอื่น',
    UNKNOWN_DATA_ELEMENT: 'ไม่รู้จักรายการข้อมูล',
    UNKNOWN_CATEGORY: 'ไม่รู้จักด้านของปัญหาอุปสรรค',
    UNKNOWN_ACTION_ITEM: 'ไม่พบรายการตามแผนปฏิบัติการ',
    NOT_A_SPREADSHEET: 'ไม่ใช่ไฟล์ Excel (.xlsx) หรือ CSV',
    CSV_NOT_UTF8: 'ไฟล์ CSV ต้องบันทึกเป็น UTF-8',
    MALFORMED_CSV: 'รูปแบบ CSV ไม่ถูกต้อง',
    FILE_TOO_LARGE: 'ไฟล์ใหญ่เกินกำหนด',
    TOO_MANY_ROWS: 'จำนวนแถวเกินกำหนด',
    EMPTY_FILE: 'ไฟล์ว่าง',
    MISSING_HEADER: 'ไม่พบแถวหัวตาราง',
    MISSING_COLUMN: 'ขาดคอลัมน์ที่จำเป็น',
    COLUMN_ORDER: 'ลำดับคอลัมน์ไม่ตรงกับแบบฟอร์ม',
    DUPLICATE_COLUMN: 'คอลัมน์ซ้ำ',
    TOO_MANY_PROBLEMS: 'พบปัญหามากเกินไป หยุดตรวจสอบ',
    UNKNOWN_COLUMN: 'คอลัมน์ที่ไม่อยู่ในแบบฟอร์ม',
    EMPTY_ROW: 'แถวว่าง',
    FORMULA: 'มีสูตรคำนวณ (ใส่เฉพาะค่า)',
    MERGED_CELLS: 'มีการผสานเซลล์',
    MISSING_ORG_CODE: 'ไม่มีรหัสหน่วยงาน',
    DUPLICATE_ROW: 'แถวซ้ำ',
    MULTIPLE_SHEETS_WITH_DATA: 'มีข้อมูลมากกว่าหนึ่งชีต',
    LIMIT: 'เกินจำนวนที่กำหนด',
  },
};
