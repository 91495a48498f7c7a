# tone.lex — wording in a draft reply that the tone check reports (rules) or praises
# (strengths). See rules.txt for what each rule is for. "*" is any one word, "a|b" either word,
# "#num" any number, "#time" a clock time such as 4pm or 10:30.

@label conditional-apology
# Sorry for the reader's reaction rather than for what happened.
sorry if
sorry that you feel|felt|think|thought|found
sorry you feel|felt|think|thought|found|were|are|have
sorry for any inconvenience|confusion|upset|misunderstanding|trouble|frustration|disappointment
sorry for the inconvenience|confusion|misunderstanding
sorry to hear
sorry you're|youre
apologise|apologize|apology|apologies if
apologise|apologize|apologies for any inconvenience|confusion|upset|misunderstanding|trouble|frustration|disappointment
apologise|apologize|apologies for the inconvenience|confusion|misunderstanding
apologies that you feel|felt
apologise|apologize that you feel|felt
regret that you|your
regret if
regret any inconvenience|confusion|upset
if you feel|felt offended|upset|disappointed|unhappy
if you feel|felt let down
if i have offended|upset|disappointed
if i've offended|upset|disappointed
if we have offended|upset|disappointed
if we've offended|upset|disappointed
if anything was|seemed unclear|wrong
if there was any confusion|misunderstanding
if this caused
if this has caused
to the extent that

@label apology
# Any apology word: followed closely by but/however/although it becomes apology-but.
sorry
apologise|apologize|apology|apologies
regret
my bad

@label unconditional-apology
# An apology in the first person, for something specific.
i'm|im|we're sorry
i|we am|are sorry
i'm|im|we're so|very|truly|really|deeply|genuinely sorry
i|we am|are so|very|truly|really|deeply|genuinely sorry
i|we apologise|apologize
i|we sincerely|unreservedly|genuinely apologise|apologize
my|our apologies
i|we owe you an apology
please accept my|our apologies
sorry for|that|about the|my|our|not
sorry i|we
that was my|our mistake|fault|error
my|our mistake|fault|error
i got|made it|this|that|a wrong
that's|thats on me|us
that is on me|us
i dropped the ball
i messed up
i got this wrong

@label blame-shifting
# Putting the fault on the client.
you should have
you shouldn't have
you should've
you could have checked|read|told|asked|let|mentioned
you could've checked|read|told|asked|let|mentioned
you were supposed to
you were meant to
you needed to
you need to read|check|understand|remember
you failed to
you didn't|didnt read|check|tell|provide|send|mention|give|specify|reply|respond|approve|follow|ask|pay|answer|update|confirm
you did not read|check|tell|provide|send|mention|give|specify|reply|respond|approve|follow|ask|pay|answer|update|confirm
you never told|said|asked|mentioned|sent|replied|specified|provided|gave
you clearly|obviously didn't|didnt|don't|haven't|misread|misunderstood|ignored|forgot|missed
you clearly|obviously did|do not
you must have missed|misread|misunderstood|forgotten
you may have missed|misread|misunderstood|forgotten
you might have missed|misread|misunderstood|forgotten
you missed|misread|misunderstood|ignored|overlooked
your fault
your own fault
your responsibility
your mistake
your error
as i said
as i've said
as i have said
as i mentioned|explained|stated|noted
as i pointed out
as i've already mentioned|explained|stated|noted|said
as i have already mentioned|explained|stated|noted|said
as i've mentioned|explained|stated|noted|said
as i have mentioned|explained|stated|noted|said
as i told you
as previously stated|mentioned|explained|discussed|noted|advised
as stated|explained|mentioned previously|before|earlier|above|clearly
per my last|previous|earlier email|message|note
per my email|message
as per my last|previous|earlier email|message
as per my email|message
as you were told
as you were advised
i already told|explained|said
i've already told|explained|said
i have already told|explained|said
i did tell you
i told you
if you had read|checked|replied|told|followed|provided|sent|approved|listened|given|agreed|confirmed|kept|updated|booked|ordered|asked|let|warned|paid
if you'd read|checked|replied|told|followed|provided|sent|approved|listened|given|agreed|confirmed|kept|updated|booked|ordered|warned|paid
had you read|checked|replied|told|followed|provided|sent|approved|listened
it's|its not my fault|problem|responsibility
it is not my fault|problem|responsibility
not my fault|problem|responsibility
nothing to do with me|us
it was your
that was your
the problem is your
the problem is on your
clearly stated
stated clearly
clearly states|explains|says
in the contract you signed
which you signed|approved|agreed
which you approved|agreed to
you approved|signed off
you signed off
# Putting the fault on a third party (P5): to the client, the user owns what their printer,
# developer or host did.
the printer|supplier|subcontractor|courier|developer|contractor|manufacturer|factory|freelancer|agency|host messed|caused|failed|forgot|dropped|delayed|lost|missed|screwed
the printers|suppliers|developers|contractors messed|caused|failed|forgot|dropped|delayed|lost|missed|screwed
the hosting company|provider caused|messed|failed|crashed|lost|dropped|delayed
my developer|printer|subcontractor|supplier|contractor|assistant|designer|freelancer messed|caused|failed|forgot|dropped|delayed|lost|missed|screwed
caused by the printer|printers|supplier|subcontractor|courier|developer|hosting|host|contractor|manufacturer|factory|agency
caused by my developer|printer|subcontractor|supplier|contractor|assistant|designer|freelancer|host
the printer's|supplier's|subcontractor's|courier's|developer's|contractor's|host's fault|mistake|error
my developer's|printer's|subcontractor's|supplier's|contractor's|assistant's fault|mistake|error
blame the printer|printers|supplier|subcontractor|courier|developer|hosting|host|contractor
blame my developer|printer|subcontractor|supplier|contractor|assistant
out of my hands
beyond my control

@label dismissive
# Minimising the client's problem or feelings.
obviously
calm down
relax
overreacting|overreact
over reacting
nobody else has|had complained
no one else has|had complained
no one else has had|any
nobody else complained|has
no one else complained|has
everyone else is|was happy|fine|delighted
other clients are|were happy|fine
just a small|minor|tiny|little|simple|quick|few|couple|bit|slight
it's|its just
it is just
it was just
only a small|minor|tiny|little|few|couple
simply
not a big deal
no big deal
not a huge|big deal|problem|issue
a minor issue|problem|thing|glitch|detail|delay|inconvenience
a small issue|problem|thing|detail|delay|inconvenience
a tiny issue|problem|thing|detail
a bit of a fuss|overreaction
hardly a disaster|crisis|problem
hardly a big deal
not the end of the world
not the disaster
of course
frankly
honestly
these things happen
it happens
it is what it is
to be fair
you'll be fine
you're fine
! just a moment|second|minute|reminder|note|heads|quick
! just a few days|hours|minutes
! just a couple of|days|hours

it's|its only
it is only
else * has|had complained
else * * has|had complained
else * * * has|had complained

@label passive-responsibility
# Passive voice that hides who did it. Most of it is found by grammar (tone.c: was/were/
# been + participle, no person before, no "by" after); these are the set phrases.
mistakes|errors|mistake|error were|was made
got lost|missed|overlooked|deleted|mixed|forgotten|misplaced
fell through the cracks
slipped through
it was decided
a decision was made
an error occurred
an oversight occurred
delays were experienced|encountered
issues were encountered|experienced

@label vague-commitment
# A promise with no date or time.
soon
asap
shortly
as soon as possible|possible|we|i|we're|i'm|they
as soon as we can|can
look into it|this|that|things|the|your|what
looking into it|this|that|things|the|your
at some point
some time
sometime
in due course
in the near future
in the coming days|weeks
at our earliest convenience
at the earliest opportunity
when i|we get a chance|moment|minute
when i|we can
when i|we have time
when i|we have a moment|minute
when possible
get back to you
be in touch
get round to it
get around to it
get to it
sort it out
sort it
sort this out
sort things out
try to
try and
do our|my best
hopefully
eventually
in a bit
in a while
before long
the near future

@label acknowledges-feelings
# Naming what the client feels, without "if".
i understand|appreciate|realise|realize|know|see|imagine how|why|your
i can see|imagine how|why|that|your
i completely|totally|fully|entirely understand
i understand
i can understand|imagine|see
i can only imagine
understandable
understandably
you have every right
you've every right
you're|youre right to be
you are right to be
you're|youre entitled to be
you are entitled to be
right to be frustrated|upset|annoyed|angry|disappointed|worried|concerned|cross|furious|unhappy|irritated
i know that|this|it was|must|is
a horrible|awful|stressful|difficult|upsetting|miserable moment|time|day|experience|evening|night
must be|have been frustrating|upsetting|stressful|disappointing|worrying|annoying|infuriating|awful|horrible|difficult|hard|embarrassing|mortifying|distressing|exhausting|heartbreaking|scary|galling|maddening
must have been frustrating|upsetting|stressful|disappointing|worrying|annoying|infuriating|awful|horrible|difficult|hard
must feel|have felt
that's|thats frustrating|upsetting|stressful|disappointing|worrying|infuriating|awful|horrible
that is frustrating|upsetting|stressful|disappointing|worrying|infuriating|awful|horrible
how frustrating|upsetting|stressful|disappointing|worrying|annoying|infuriating|awful
your frustration|disappointment|annoyance|anger|concern|concerns|worry|worries|upset
you're frustrated|upset|annoyed|angry|disappointed|worried|concerned
you are frustrated|upset|annoyed|angry|disappointed|worried|concerned
you were let down
let you down
i hear you
completely fair
a fair point
fair enough

! if i understand
! if i've understood
! sorry you're|youre frustrated|upset|annoyed|angry|disappointed|worried|concerned
! sorry you are frustrated|upset|annoyed|angry|disappointed|worried|concerned
! sorry that you're|youre frustrated|upset|annoyed|angry|disappointed|worried|concerned
! sorry that you are frustrated|upset|annoyed|angry|disappointed|worried|concerned

@label restates-concern
# Saying back what the client said, so they know they were heard.
to make sure i've|ive got|understood
to make sure i have got|understood
make sure i understand|understood
just to check i|i've|ive
check i have|i've|ive|understood|got this|that|it right
so the problem|issue|question|concern was|is
so your question|concern|problem|issue is|was
so you'd like|want|need
so you would like|want|need
you want|wanted a|an|the|us|to|your
so the problem|issue * was|is
so the problem|issue * * was|is
so you want|need
so what you need|want|want|mean
to make sure i understand
if i understand|understood correctly|you|your
if i've|ive understood
as i understand it
so i understand
you're saying|telling
you are saying|telling
you said|mentioned|explained|wrote|asked|pointed
you've said|told|mentioned|explained|asked|pointed
you have said|told|mentioned|explained|asked|pointed
you asked for
you needed
you were expecting|promised
you were expecting|promised|told
you'd asked|expected|wanted
you had asked|expected|wanted
your concern|concerns|point|points|complaint|email|message is|are|was|about
your message|email|letter|note about
you're right that
you are right that
what you're|youre describing|asking|saying
what you are describing|asking|saying
what you asked for
what you needed
the problem is that
the issue is that
you received|noticed
you've been|had
you have been|had
you had to
you ended up
you weren't|wasn't given|sent|told
you were not given|sent|told|kept

@label gives-contact
# The writer's direct contact details (P5): a way to reach them that is not the ticket queue.
call me on|at|directly|anytime
ring me on|at|directly
text me on|at
reach me on|at|directly
you can reach me
you can call me
email me at|on|directly
write to me at|directly
my direct line|number|email|phone|address
my mobile is|number|on
my number is
my phone number

@label commitment
# A first-person promise to act; with a time in the same sentence it is a specific commitment.
i'll|ill|we'll|well
i|we will
i'm|im|we're going to
i am|we are going to
i|we can have|send|get|deliver|call|be|fix|do|refund|redo
i've|ive|we've booked|scheduled|arranged|set
i|we have booked|scheduled|arranged|set
you'll have|receive|get|see
you will have|receive|get|see
expect it|them|the
it'll be with you|ready|done|fixed|there|live|delivered
it will be with you|ready|done|fixed|there|live|delivered
will be with you|ready|done|fixed|delivered|live|sent|there|refunded|on
let's|lets
i'd like to|propose|suggest
i plan to
i'm planning|aiming to
i intend to
i've|we've refunded|sent|issued|credited|processed
i|we have refunded|sent|issued|credited|processed

@label time
monday|tuesday|wednesday|thursday|friday|saturday|sunday
mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun
tomorrow|tonight|today|noon|midday|midnight|weekend
january|february|march|april|june|july|august|september|october|november|december
jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec
may #num
#num may
#time
#num am|pm|o'clock|oclock
at|by|before|until|from #num
this morning|afternoon|evening|week
end of day|today|play|business
end of the day|week
close of business|play
eod|cob|eow
within #num|one|two|three|four|five|a|an|the next hour|hours|day|days|week|weeks|working|business
in #num|one|two|three|four|five hours|days|minutes
next week|month|monday|tuesday|wednesday|thursday|friday
first thing
the #num
