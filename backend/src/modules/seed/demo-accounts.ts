/** Demo sign-ins; they exist only when the demo data is loaded. */
export const DEMO_PASSWORD = 'demo-pass-2570';

export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  role: 'ADMIN' | 'PLANNER' | 'OFFICER' | 'ANALYST';
  provinceCode: string | null;
  displayName: string;
}> = [
  { email: 'admin@demo.local', role: 'ADMIN', provinceCode: null, displayName: 'Demo administrator' },
  { email: 'planner@demo.local', role: 'PLANNER', provinceCode: null, displayName: 'Demo ministry planner' },
  { email: 'analyst@demo.local', role: 'ANALYST', provinceCode: null, displayName: 'Demo analyst' },
  { email: 'officer.th40@demo.local', role: 'OFFICER', provinceCode: 'TH-40', displayName: 'Demo officer, Khon Kaen' },
  { email: 'officer.th50@demo.local', role: 'OFFICER', provinceCode: 'TH-50', displayName: 'Demo officer, Chiang Mai' },
];
