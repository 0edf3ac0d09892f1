-- The day an order's contract was terminated: the order keeps its status and stops being prepared, shipped or accepted.
alter table order_order add column contract_terminated_on date;
