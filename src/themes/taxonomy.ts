/**
 * The themes inspectors raise in children's safeguarding and looked-after-children inspections,
 * drawn from Ofsted and CQC inspection frameworks (2009–2013) and extended from the fixture plans.
 * Each theme is a set of word patterns; a record takes every theme with at least one match, and
 * the words that matched are kept so that a reader can see why. Patterns are whole-word and
 * case-insensitive; prefer phrases to single words where a word is ambiguous ("plan" alone is not
 * a theme, "care plan" is).
 */
export interface Theme {
  id: string
  label: string
  description: string
  patterns: RegExp[]
}

const w = (...phrases: string[]): RegExp[] => phrases.map((p) => new RegExp(`\\b${p}\\b`, 'i'))

export const TAXONOMY: readonly Theme[] = [
  { id: 'supervision', label: 'Supervision', description: 'Supervision of practitioners: frequency, recording, quality, policy', patterns: w('supervision', 'supervisors?', 'supervised', 'reflective practice') },
  { id: 'training', label: 'Training and development', description: 'Training, learning and professional development of staff', patterns: w('training', 'trained', 'e-?learning', 'workshops?', 'professional development', 'skills', 'induction', 'level 3') },
  { id: 'case-recording-audit', label: 'Case recording and audit', description: 'Quality of case records and file audit', patterns: w('recording', 'recorded', 'case records?', 'case files?', 'audits?', 'audited', 'minutes', 'quality assur\\w*', 'quality assurance') },
  { id: 'health-assessments', label: 'Health assessments', description: 'Initial and review health assessments, health plans, SDQs', patterns: w('health assessments?', 'initial health', 'review health', 'health plans?', 'strengths and difficulties', 'sdq', 'medical assessments?', 'ima') },
  { id: 'looked-after-children', label: 'Looked-after children', description: 'Children in care: placements, reviews, IROs, statutory visits, life story', patterns: w('looked after', 'children in care', 'child in care', 'cic', 'lac', 'foster\\w*', 'placements?', 'iros?', 'independent reviewing', 'statutory visits?', 'life story', 'care plans?', 'permanence') },
  { id: 'care-leavers', label: 'Care leavers', description: 'Leaving care, pathway plans, accommodation, education and employment after care', patterns: w('care leavers?', 'leaving care', 'pathway plans?', 'bed and breakfast', 'independent living', 'post 16', 'transition from (?:being in )?care') },
  { id: 'child-protection', label: 'Child protection conferences and plans', description: 'Section 47 enquiries, conferences, core groups, child protection plans', patterns: w('child protection', 'cp', 's47', 'section 47', 'core groups?', 'conferences?', 'icpc', 'protection plans?') },
  { id: 'information-sharing', label: 'Information sharing between agencies', description: 'Sharing information, referrals and pathways between agencies', patterns: w('information sharing', 'share information', 'sharing protocol', 'partner agencies', 'multi-?agency', 'liaison', 'pathways?', 'notif\\w+', 'escalation', 'consent') },
  { id: 'workforce', label: 'Workforce and recruitment', description: 'Recruitment, vacancies, agency staff, caseloads, capacity, changes of social worker', patterns: w('recruit\\w*', 'vacanc\\w+', 'vacant', 'agency (?:workers?|staff|social workers?)', 'workforce', 'caseloads?', 'capacity', 'vacant posts?', 'changes? (?:of|in) social workers?', 'succession') },
  { id: 'governance', label: 'Governance and performance management', description: 'Boards, performance monitoring, scorecards, reporting, commissioning', patterns: w('lscb', 'safeguarding (?:children )?board', 'governance', 'performance', 'scorecards?', 'dashboards?', 'indicators?', 'kpis?', 'performance monitoring', 'monitoring of', 'commission\\w*', 'report(?:ed|ing)? (?:to|quarterly|monthly)', 'business continuity') },
  { id: 'voice-of-child', label: 'Voice of the child', description: 'Children and families heard and involved: views, participation, advocacy, feedback', patterns: w('voice of the child', "child(?:ren)?['\u2019]s views", '(?:their|the) views', 'views of', 'participat\\w+', 'advoca\\w+', 'involvement', 'user feedback', 'feedback from', 'engagement', 'diversity', 'cultural') },
  { id: 'early-help', label: 'Early help', description: 'Early help and edge-of-care services, thresholds, family support', patterns: w('early help', 'edge of care', 'family support', 'thresholds?', 'early intervention', 'common assessment', 'caf') },
  { id: 'mental-health', label: 'Mental health and CAMHS', description: 'Child and adolescent mental health, emotional wellbeing, Section 136', patterns: w('camhs', 'mental health', 'emotional (?:health|well ?being)', 'therapeutic', 'adhd', 'section 136', 'psycholog\\w+') },
  { id: 'education-in-care', label: 'Education of children in care', description: 'Schooling, personal education plans, virtual school, SEN', patterns: w('education', 'virtual school', 'personal education plans?', 'peps?', 'school (?:attendance|places?|admissions?|moves?)', 'sen', 'exclusions?', 'attainment') },
  { id: 'assessment', label: 'Assessment and planning', description: 'Quality and timeliness of assessments and plans (social care)', patterns: w('assessments?', 'timeliness', 'timescales?', 'single assessment') },
  { id: 'front-door', label: 'Contact, referral and duty', description: 'The front door: contacts, referrals, duty and advice teams, out-of-hours', patterns: w('contacts? and referrals?', 'referrals?', 'duty', 'front door', 'mash', 'out of hours', 'edt', 'advisory team', 'fcsat') },
  { id: 'health-services', label: 'Health services for safeguarding', description: 'Named and designated professionals, A&E, midwifery, GPs, health visiting', patterns: w('named (?:nurse|doctor|midwife|professionals?)', 'designated (?:nurse|doctor|professionals?)', 'a ?& ?e', 'emergency department', 'midwi\\w+', 'gps?', 'health visitors?', 'school nurses?', 'paediatric\\w*') },
]
