import analytics from './th/analytics';
import analyst from './th/analyst';
import approvals from './th/approvals';
import auth from './th/auth';
import framework from './th/framework';
import problems from './th/problems';
import report from './th/report';
import spreadsheet from './th/spreadsheet';
import workspace from './th/workspace';
import users from './th/users';

/**
 * Thai messages, the default language and the schema English must match.
 * vue-i18n syntax: {name} is a parameter; "|" separates plural forms and "@"
 * starts a linked message, so neither appears literally.
 */
const th = {
  app: {
    name: 'ระบบติดตามความก้าวหน้ารัฐบาลดิจิทัลระดับจังหวัด',
    shortName: 'DigiGov Monitor',
    version: 'รุ่น {version}',
    skipToContent: 'ข้ามไปยังเนื้อหา',
  },
  language: {
    label: 'ภาษา',
    th: 'ไทย',
    en: 'English',
  },
  common: {
    loading: 'กำลังโหลด…',
    retry: 'ลองอีกครั้ง',
    cancel: 'ยกเลิก',
  },
  errors: {
    UNAUTHENTICATED: 'กรุณาเข้าสู่ระบบ',
    FORBIDDEN: 'คุณไม่มีสิทธิ์เข้าถึงข้อมูลนี้',
    BAD_USER_INPUT: 'ข้อมูลที่ส่งไม่ถูกต้อง',
    NOT_FOUND: 'ไม่พบข้อมูลที่ขอ',
    CONFLICT: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดใหม่',
    QUERY_TOO_COMPLEX: 'คำขอนี้ขอข้อมูลมากเกินไปในครั้งเดียว กรุณาขอช่องข้อมูลให้น้อยลงหรือแบ่งหน้าให้เล็กลง',
    TOO_MANY_REQUESTS: 'มีคำขอมากเกินไปในเวลาเดียวกัน กรุณารอสักครู่แล้วลองอีกครั้ง',
    TIMEOUT: 'คำขอใช้เวลานานเกินไปและถูกหยุด กรุณาขอข้อมูลให้แคบลง',
    RESULT_TOO_LARGE: 'ผลลัพธ์มีขนาดใหญ่เกินไป กรุณาแบ่งหน้าให้เล็กลงหรือกรองข้อมูลให้แคบลง',
    PAYLOAD_TOO_LARGE: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินไป',
    BAD_REQUEST: 'รูปแบบคำขอไม่ถูกต้อง',
    SERVICE_UNAVAILABLE: 'ระบบไม่พร้อมให้บริการชั่วคราว กรุณาลองใหม่ในอีกสักครู่',
    NETWORK: 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ',
    UNKNOWN: 'เกิดข้อผิดพลาดที่ไม่คาดคิด',
  },
  demo: {
    title: 'ข้อมูลสาธิต',
    body: 'ค่าตัวชี้วัดรายจังหวัดที่แสดงในระบบนี้เป็นข้อมูลสังเคราะห์ที่สร้างขึ้นเพื่อการสาธิตเท่านั้น ไม่ใช่ตัวเลขจริงของจังหวัดใด',
    published: 'ผลสำรวจปัญหาอุปสรรคของ สพร. เป็นตัวเลขที่เผยแพร่จริง',
    detail:
      'ข้อมูลสาธิต ได้แก่ องค์กรปกครองส่วนท้องถิ่น รายงาน คำตอบเรื่องปัญหาอุปสรรค ค่าตัวชี้วัด และค่าเป้าหมายรายจังหวัด เป็นข้อมูลสังเคราะห์ที่สร้างขึ้นเพื่อการสาธิต ส่วนรายชื่อจังหวัด ภาค ผลสำรวจของ สพร. และข้อเสนอแนะเชิงนโยบายเป็นข้อมูลจริงและระบุแหล่งที่มา',
  },
  home: {
    title: 'ภาพรวม',
  },
  map: {
    heading: 'ตัวชี้วัดรายจังหวัด',
    indicatorLabel: 'ตัวชี้วัด',
    quarterLabel: 'ไตรมาส',
    latestQuarter: 'ล่าสุดที่อนุมัติแล้ว',
    showing: 'ข้อมูล{quarter} ({range})',
    coverage: 'มีข้อมูล {count} จาก {total} จังหวัด',
    noIndicators: 'ยังไม่มีตัวชี้วัดในระบบ',
    noValues: 'ยังไม่มีข้อมูลที่อนุมัติแล้วสำหรับตัวชี้วัดนี้',
    higherIsBetter: 'ค่ายิ่งสูงยิ่งดี',
    lowerIsBetter: 'ค่ายิ่งต่ำยิ่งดี',
    ariaLabel: 'แผนที่ 77 จังหวัด ระบายสีตามตัวชี้วัด {indicator}',
    attribution: 'ข้อมูลแผนที่: {package}, สัญญาอนุญาต {license}',
  },
  charts: {
    noData: 'ไม่มีข้อมูล',
    demoValue: 'ข้อมูลสาธิต',
    high: 'สูง',
    low: 'ต่ำ',
    source: 'ที่มา',
  },
  obstacles: {
    heading: 'ปัญหาอุปสรรคในการเป็นองค์กรรัฐบาลดิจิทัลของจังหวัด',
    publishedBadge: 'ตัวเลขที่เผยแพร่',
    publishedNote: 'ตัวเลขตามที่ สพร. เผยแพร่ เป็นภาพรวมระดับประเทศ ไม่ได้ระบุว่าจังหวัดใดตอบด้านใด',
    anyObstacle: '{share} ของจังหวัด ({ratio}) พบเจอปัญหาอุปสรรคอย่างน้อยหนึ่งด้าน',
    multipleAnswers: 'ตอบได้มากกว่าหนึ่งด้าน ผลรวมของร้อยละจึงเกิน 100 %',
    population: 'กลุ่มที่สำรวจ: {population}',
    source: 'ที่มา',
    publishedOn: 'เผยแพร่ {date}',
    openSource: 'เปิดเอกสารต้นฉบับ',
    tableSummary: 'ดูตัวเลขเป็นตาราง',
    category: 'ด้าน',
    share: 'ร้อยละ',
    count: 'จำนวนจังหวัด',
    ariaLabel: 'แผนภูมิแท่งร้อยละของจังหวัดที่พบปัญหาอุปสรรคแต่ละด้าน',
    notAvailable: 'ไม่พบชุดข้อมูลผลสำรวจที่เผยแพร่',
  },
  // One file per namespace in th/ (and en/), merged here.
  ...auth,
  ...report,
  ...workspace,
  ...spreadsheet,
  ...problems,
  ...approvals,
  ...analyst,
  ...framework,
  ...users,
  ...analytics,
};

export type MessageSchema = typeof th;

export default th;
