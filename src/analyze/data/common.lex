# common.lex — words both analyzers use to read a sentence rather than a bag of words.
# Every word is normalised the same way as the text (lowercase, "apologised" = "apologize"),
# so one spelling per word is enough unless the inflection is irregular.

# A negator within four words before a finding (same clause) cancels it:
# "I'm not going to sue", "I won't be asking for a refund".
@label negator
not
no
never
don't
dont
won't
wont
wouldn't
isn't
aren't
wasn't
weren't
can't
cant
cannot
didn't
didnt
doesn't
haven't
hasn't
shouldn't
without
nor
neither
hardly
nothing

# Words that turn a sentence against what came before it (apology-but, and they end the
# negation window).
@label contrast
but
however
although
though
yet

# Capitals that are names, not shouting.
@label acronym
asap
pdf
url
seo
ceo
cto
api
usa
uk
eu
us
html
css
faq
eta
gdpr
vat
hmrc
bbb
cmyk
rgb
ssl
dns
ui
ux
ok
pr
qa
it
tv
hr
pm
am
ps
id
png
jpg
jpeg
svg
cv
diy
rsvp
nda
sow
kpi
crm
cms
wp
aws
ios
pc
mp4
dvd
usb
wifi
fyi
btw
cc
bcc
re
fw
gp
nhs
aat
acca
icaew
rics
pta
hdb
bto
cqc
ato
irs
cpa
dvla
dbs
llp
llc
ltd
inc
plc
www
gb
mb
kb
hd
iso
pos
sms
ai
sku
hq
uv
diy

# People: "I was told" names who was involved, so it is not a passive that hides someone.
@label self
i
we
you
he
she
they
i've
we've

# Subjects: a negator before one of these belongs to an earlier clause ("if it's not
# returned I'm taking you to small claims"); so does one before "and" or "because" ("I'm not
# happy with the colours and nobody answered my calls").
@label subject
and
because
i
i'm
i'll
i've
we
we're
we'll
we've
they
he
she
# "if it's not here by Thursday everyone at the launch is hearing about it" (round six)
everyone
everybody
you'll
they'll

# Passive voice (tone check, passive-responsibility): a form of "be", then maybe one adverb,
# then a past participle (a word ending in "-ed", or one of the irregular ones below).
@label be
was
were
been
got
gotten

@label adverb
not
never
also
then
now
just
already
accidentally
mistakenly
wrongly
incorrectly
inadvertently
somehow
apparently
unfortunately
initially
originally
all

@label participle
made
sent
left
put
lost
told
given
taken
done
set
cut
shut
built
broken
chosen
forgotten
held
kept
paid
sold
spent
shown
written
misspelt
overlooked
mislaid
misread
misheard
mistaken
overrun
undone
run
missed
dropped
hit
brought
caught
read
understood
said

@label not-participle
supposed
based
interested
concerned
worried
pleased
delighted
disappointed
frustrated
tired
excited
married
used
surprised
shocked
impressed
annoyed
confused
involved
located
qualified
prepared
satisfied
thrilled
relieved
booked
needed
expected
required
asked
invited
allowed
entitled
obliged
advised
informed

@label agent
by
