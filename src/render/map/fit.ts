import type { CruxGraph } from '../../domain/crux-graph.ts';
import type { Claim } from '../../domain/claims.ts';
import type { CredenceLookup } from '../../domain/crux-graph.ts';
import { planCruxMap, type DebateSize, type MapPlan, type MapRequest } from './plan.ts';
import { MAX_HEIGHT_PX, MAX_WIDTH_PX, renderCruxMap, type CruxMapPicture, type MapView } from './render.ts';

/** A focus view never shrinks below this many claims to fit: past it, the picture is drawn as it comes. */
const FEWEST_CLAIMS = 8;
/** Tries at a smaller view before giving up: each is a full layout. */
const TRIES = 3;

/**
 * The map planned and drawn so it fits a chat (1,600 × 1,600 px) at a readable size: when the whole
 * debate (or the asked-for neighbourhood) does not fit, the view is planned again around the same
 * focus with fewer claims, in proportion to how far it overflowed, until it fits.
 */
export async function renderMapThatFits(
  graph: CruxGraph,
  request: MapRequest,
  extras: Pick<MapView, 'edited'> & { credenceFor?: (drawn: readonly Claim[]) => Promise<CredenceLookup | undefined> } = {},
  size?: DebateSize,
): Promise<{ plan: MapPlan; picture: CruxMapPicture }> {
  const { credenceFor, ...marks } = extras;
  // The team's credences are read for the claims drawn, once per plan.
  const draw = async (view: MapPlan['view']) => {
    const credenceOf = credenceFor ? await credenceFor(view.claims) : undefined;
    return renderCruxMap({ ...view, ...marks, ...(credenceOf ? { credenceOf } : {}) });
  };
  let plan = planCruxMap(graph, request, size);
  let picture = await draw(plan.view);
  for (let i = 0; i < TRIES && !fits(picture) && plan.shown > FEWEST_CLAIMS; i++) {
    const overflow = Math.max(picture.width / MAX_WIDTH_PX, picture.height / MAX_HEIGHT_PX);
    const maxClaims = Math.max(FEWEST_CLAIMS, Math.min(plan.shown - 1, Math.floor((plan.shown / overflow) * 0.9)));
    plan = planCruxMap(graph, { ...request, maxClaims }, size);
    picture = await draw(plan.view);
  }
  return { plan, picture };
}

const fits = (picture: CruxMapPicture) => picture.width <= MAX_WIDTH_PX && picture.height <= MAX_HEIGHT_PX;
