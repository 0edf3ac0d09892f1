-- The day a handover's contract was terminated: the handover stops where it is and its H1 deadline is cancelled.
alter table aftersales_handover add column contract_terminated_on date;
