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
