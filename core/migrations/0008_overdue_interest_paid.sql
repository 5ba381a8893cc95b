-- Overdue interest (lãi quá hạn) paid, apart from normal interest: the bank's payment history posts the two
-- separately, and each is owed at its own rate.
ALTER TABLE loan_payments ADD COLUMN overdue_interest_paid INTEGER NOT NULL DEFAULT 0 CHECK (overdue_interest_paid >= 0);
