-- Since when a robot has been failing: set by its first failed delivery after one delivered (or its first delivery
-- failing), when the administrators are told; cleared by its next delivery taken (decision 0097). Null: healthy, or
-- never tried. Written by the delivery worker only (RobotFailureAlerts), not part of the robot the administrator edits.
-- Robots failing before this change start healthy: their next failure tells the administrators once.
alter table notification_robot add column failing_since timestamptz;
