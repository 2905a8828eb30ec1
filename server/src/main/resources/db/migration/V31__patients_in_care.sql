-- The patients a local account may act for besides its own (a parent for their
-- children): SMART's launch/patient then offers them on the patient picker.
CREATE TABLE latchkey_patient_in_care (
    user_id uuid NOT NULL REFERENCES latchkey_user (id) ON DELETE CASCADE,
    patient varchar(64) NOT NULL,
    label varchar(200),
    PRIMARY KEY (user_id, patient)
);
