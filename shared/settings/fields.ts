/** The columns a monitoring sheet can have, with the words officers use for them. */

export const columnFields = [
  'ref',
  'action',
  'lead',
  'email',
  'leadMember',
  'seniorLead',
  'theme',
  'target',
  'revised',
  'status',
  'commentary',
  'source',
  'dependsOn',
  'rowType',
] as const;
export type ColumnField = (typeof columnFields)[number];

/** How each field is named to a person (messages, settings view). */
export const fieldLabels: Record<ColumnField, string> = {
  ref: 'Ref',
  action: 'Action',
  lead: 'Lead officer',
  email: 'Lead officer e-mail',
  leadMember: 'Lead member',
  seniorLead: 'Senior management lead',
  theme: 'Theme',
  target: 'Target date',
  revised: 'Revised date',
  status: 'Status',
  commentary: 'Commentary',
  source: 'Source',
  dependsOn: 'Depends on',
  rowType: 'Row type (action or milestone)',
};

/**
 * Header words per field, most specific first: earlier words win when one column could be
 * two fields ("Progress" is a status column only when no better status column exists).
 */
export const headerSynonyms: Record<ColumnField, string[]> = {
  ref: ['Ref', 'Ref No', 'Reference', 'Action ref', 'Action reference', 'Action no', 'Action number', 'No', 'Number', 'ID', 'Item', '#', 'Code'],
  action: ['Action', 'Actions', 'Recommendation', 'Task', 'Description', 'Action description', 'Key action', 'Key actions', 'Activity', 'Milestone', 'What we will do'],
  lead: ['Lead officer', 'Lead officers', 'Responsible officer', 'Owner', 'Action owner', 'Lead', 'Responsibility', 'Responsible', 'Accountable officer', 'Officer', 'Assigned to'],
  email: ['Lead officer email', 'Lead officer e-mail', 'Email', 'E-mail', 'Email address', 'E-mail address', 'Contact email', 'Officer email'],
  leadMember: ['Lead member', 'Portfolio holder', 'Cabinet member', 'Lead councillor', 'Member lead'],
  seniorLead: ['Senior management lead', 'Senior management team lead', 'SMT lead', 'CMT lead', 'Senior lead', 'Senior responsible officer', 'Lead director', 'Executive lead', 'Chief officer lead'],
  theme: ['Theme', 'Priority', 'Workstream', 'Work stream', 'Section', 'Objective', 'Outcome', 'Area'],
  target: ['Target date', 'Due date', 'Deadline', 'Original target date', 'Original due date', 'Target completion', 'Target completion date', 'Original date', 'Timescale', 'Timescales', 'Completion date', 'Target', 'By when', 'Date due'],
  revised: ['Revised due date', 'Current due date', 'Latest due date', 'Revised date', 'Revised target date', 'Re-profiled date', 'Reprofiled date', 'New date', 'New target date', 'Revised target completion', 'Revised deadline', 'Revised timescale', 'Extended date', 'Extended', 'Revised target', 'Revised'],
  status: ['Status', 'RAG', 'RAG status', 'Progress status', 'RAG rating', 'Current status', 'Overall status', 'Status RAG', 'Progress'],
  commentary: ['Commentary', 'Progress update', 'Comments', 'Comment', 'Update', 'Action taken', 'Progress commentary', 'Latest update', 'Progress to date', 'Narrative', 'Notes', 'Progress', 'Latest note', 'Note'],
  dependsOn: ['Depends on', 'Dependent on', 'Dependencies', 'Dependency', 'Predecessors', 'Predecessor', 'Waits on'],
  rowType: ['Row type', 'Item type', 'Type', 'Level'],
  source: ['Source', 'Recommendation source', 'LGA recommendation', 'LGA rec', 'Source of action', 'Origin'],
};

/** Folds case, spaces and punctuation so "Lead Officer:", "lead-officer" and "LEAD OFFICER" match. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(s\)/g, 's')
    .replace(/[^\p{L}\p{N}#]+/gu, '');
}
