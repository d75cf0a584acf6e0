CREATE TABLE ${companies} (
    id         uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL UNIQUE,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE ${contacts} (
    id         uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL,
    email      varchar(320),
    company_id uuid         REFERENCES ${companies} (id) ON DELETE SET NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
