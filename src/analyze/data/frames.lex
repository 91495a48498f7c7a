# frames.lex — the frames a threat or a demand stands in, for triage's fitted model (see
# docs/analyzer.md, "The fitted model"). These are no findings of their own: triage counts, per
# sentence, the legal, review, refund and refusal findings that share a sentence with one of
# them, and the model weighs those counts, so a clear threat ("if it's not fixed by Monday I'll
# leave a review") is not outvoted by the topic words around it, nor a review mentioned in
# praise ("I left you a great review") read as one. Cross-validation kept these two of the frames
# tried; an intention ("I will", "I'm going to") and a question ("?") did not help.

# A condition, an ultimatum or a last step: the sentence threatens.
@label ultimatum
if
unless
otherwise
or else
or i'll|i|we|we'll|my|our|you'll
until
next step|steps
no choice|option|alternative but
no other choice|option|way
last chance|resort
final warning|notice|reminder|demand
be forced|compelled|obliged to
have to take
this is your
before i|we take

# Praise, thanks or how the writer found the reader: a review or a recommendation in a friendly
# sentence is no threat.
@label praise
great|glowing|excellent|fantastic|amazing|brilliant|lovely|wonderful|positive|perfect
outstanding|stellar|rave|superb|fabulous|awesome|incredible|happy|delighted
# "pleased" is one stem with "please", so only where it cannot be the request; a number of
# stars can be one
very|so|really|more|most pleased
five star|stars
recommend|recommendation|recommended
thank|thanks|thankyou|grateful|appreciate
love|loved
found you|us
saw your
read your

# Pointers to waiting or to asking again: a chase ("second time I've asked", "still waiting",
# "it's been three weeks") is displeased by the guideline where the same status question asked
# once ("any update on the refund?") is calm. A cue of its own, counted over the message, so
# the model can tell the chase from the words it chases about.
@label waiting
still waiting|haven't|hasn't|havent|hasnt|no|nothing|not|don't|didn't
! still not sure|certain|decided|clear|convinced
been waiting
kept waiting
waiting since
how much longer
how many times
how many more times
yet again
again and again
asking|ask|asked|chase|chasing|chased|write|writing|email|emailing|emailed|message|messaging|remind|reminding|contact|contacting|nudge|nudging again
follow|following|chasing|chase up again
chase|chased|chasing|chaser
second|third|fourth|fifth|#num time|message|msg|email|reminder|request|attempt|chase|call
#num|two|three|four|five|six|several|multiple|many|countless|numerous times now|already
asked|emailed|called|phoned|messaged|written|rang|texted|tried|contacted * times
asked|emailed|called|phoned|messaged|written|rang|texted|tried|contacted * * times
day|days|week|weeks|wk|wks|month|months|fortnight|year|years now
been * day|days|week|weeks|wk|wks|month|months|fortnight|year|years
been * * day|days|week|weeks|wk|wks|month|months|fortnight|year|years
not|wasn't|weren't|isn't|didn't|hasn't|haven't|hadn't|never * again
not|wasn't|weren't|isn't|didn't|hasn't|haven't|hadn't|never * * again
