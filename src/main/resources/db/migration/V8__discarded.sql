-- A draft turned down in review was marked withdrawn, and withdrawn notices are public: it must stay for editors.
update notice set status = 'discarded' where status = 'withdrawn' and withdrawn_reason like 'discarded in review%';
