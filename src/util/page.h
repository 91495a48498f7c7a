/* page.h — the paging contract every list shares, from the store up to the front doors: a plain
 * struct of numbers, so that the desk can hand it to a front door without showing it the store.
 *
 * Every list reads one page at a time, in a fixed order, resuming after a cursor (keyset
 * paging, never OFFSET): a page costs what it shows, however large the desk. The cursor is the
 * id of the last row of the previous page; the next page holds the rows that sort after that
 * row, so rows added or changed between two pages neither repeat nor shift what follows. */
#ifndef REDRESS_PAGE_H
#define REDRESS_PAGE_H

#include <stdint.h>

typedef struct rd_page {
    int64_t limit; /* in: rows at most, 1 … RD_PAGE_MAX; 0: every row (small internal lists) */
    int64_t after; /* in: the previous page's last row id (its "next"); 0: from the start */
    int64_t next;  /* out: the cursor of the following page, 0 when this page is the last */
} rd_page;

#define RD_PAGE_MAX 10000 /* the largest page one call returns */
/* Where a list counts the rows after a page ("N more"), the count stops at this many (that many
 * means at least that many): the count costs at most as many index steps on any desk. */
#define RD_MORE_MAX 100

#endif
