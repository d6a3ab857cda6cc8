/**
 * Threads written for these tests, with the phenomena of real debate threads: two debates in one
 * thread, a quoted reply, a paragraph pasted twice, a named crux and a "not a crux", stated credences
 * (one of them doubted), an agreement, an unanswered question, a message in another language, and a
 * web-export footer.
 */
export const DEBATE_THREAD = `alice: In my experience agents game broken scoring functions whenever the tasks are shoddy.
Training on a huge pile of auto-generated tasks makes this specification gaming very likely to be learned.

bob: I think that is specification gaming, not reward seeking. The agents were trying to do the task and thought they were clever.
Reward seeking would mean wanting the reward number itself, and I think that is unlikely to emerge.

carol: > Reward seeking would mean wanting the reward number itself
I agree with bob that wanting the literal reward number is unlikely. Deliberate reward maximization should still generalize better than specification gaming.

alice: I agree that this distinction is probably not a crux.

dave: Goals randomly permute at a small rate with every serial step of reasoning.
Permutations in dangerous directions stay dangerous, so misalignment grows with every serial step.
I'd put 70% on goal drift becoming a serious problem within two years.

bob: No, value change is directable by training data, not random.
A small amount of data corrects it as easily as it was caused.

dave: Goals randomly permute at a small rate with every serial step of reasoning.
Permutations in dangerous directions stay dangerous, so misalignment grows with every serial step.

carol: I think it would be odd if P(goals change during long reasoning) is extremely tiny like e-9.
I think the crux might be whether values crystallize before the AIs produce most of their own training data.

erin: Je pense que la dérive des objectifs est aléatoire, et que les données ne suffisent pas.

bob: How would we even measure the rate of goal drift?

Reply · Share · Report
https://example.org/thread/42
`;

/** A thread with no argument in it: greetings and logistics. */
export const SMALL_TALK = `alice: hi all!
bob: hey :)
alice: thanks, see you tomorrow
bob: ok, cool
`;
