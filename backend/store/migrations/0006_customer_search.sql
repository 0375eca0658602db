-- Customers (issue 3): the list's indexes for 200,000 customers.
-- The list walks customers_list in name order and tests the text query and the tag on the
-- index entries alone (search is the generated column of 0004), so neither the count nor a
-- page reads the table rows it does not show. It supersedes customers_name.
DROP INDEX customers_name;
CREATE INDEX customers_list ON customers(deleted, name, id, search, tags);
CREATE INDEX customers_created ON customers(deleted, created_at, id);
-- The records merged into a customer: their late-synced orders count towards the kept one.
CREATE INDEX customers_merged ON customers(merged_into) WHERE merged_into <> '';
