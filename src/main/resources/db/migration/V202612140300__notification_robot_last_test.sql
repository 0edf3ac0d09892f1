-- A robot's last test message (the robot page's "send test"): when it was sent, and why the robot did not take it
-- (null: taken); and when it last took one, which counts as a delivery taken for the failures its pages count. A test leaves no delivery row, so the robot's pages read it here beside the deliveries; a test taken
-- ends a failing spell as a delivery does (decision 0097). Written by RobotFailureAlerts only, not part of the robot
-- the administrator edits. Robots tested before this change show their deliveries alone until their next test.
alter table notification_robot add column last_test_at timestamptz;
alter table notification_robot add column last_test_error text;
alter table notification_robot add column last_test_taken_at timestamptz;
