/**
 * Block Kit's rules, checked the way Slack checks them before accepting a message or a view
 * (https://docs.slack.dev/reference/block-kit): block types and counts, text lengths, ids, options.
 * Written from Slack's reference independently of the renderer, so a renderer bug cannot hide here.
 */
type Json = Record<string, any>;

export function messageProblems(blocks: unknown): string[] {
  return blocksProblems(blocks, 50, ['header', 'section', 'context', 'divider', 'actions', 'image']);
}

export function modalProblems(view: Json): string[] {
  const problems: string[] = [];
  if (view.type !== 'modal') problems.push(`view type ${view.type}`);
  problems.push(...plain(view.title, 24, 'title'));
  if (view.submit) problems.push(...plain(view.submit, 24, 'submit'));
  if (view.close) problems.push(...plain(view.close, 24, 'close'));
  if (typeof view.callback_id !== 'string' || view.callback_id.length > 255) problems.push('callback_id');
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) problems.push('private_metadata over 3000');
  const hasInput = (view.blocks as Json[]).some((b) => b.type === 'input');
  if (hasInput && !view.submit) problems.push('a modal with inputs needs a submit button');
  problems.push(...blocksProblems(view.blocks, 100, ['header', 'section', 'context', 'divider', 'actions', 'input']));
  return problems;
}

export function homeProblems(view: Json): string[] {
  return [
    ...(view.type === 'home' ? [] : [`view type ${view.type}`]),
    ...blocksProblems(view.blocks, 100, ['header', 'section', 'context', 'divider', 'actions']),
  ];
}

function blocksProblems(blocks: unknown, max: number, allowed: string[]): string[] {
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const problems: string[] = [];
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > max) problems.push(`${blocks.length} blocks; at most ${max}`);
  const blockIds = new Set<string>();
  blocks.forEach((block: Json, i) => {
    const at = `block ${i} (${block.type})`;
    if (!allowed.includes(block.type)) problems.push(`${at}: type not allowed here`);
    if (block.block_id !== undefined) {
      if (blockIds.has(block.block_id)) problems.push(`${at}: block_id repeated`);
      blockIds.add(block.block_id);
      if (String(block.block_id).length > 255) problems.push(`${at}: block_id too long`);
    }
    switch (block.type) {
      case 'header':
        problems.push(...plain(block.text, 150, at));
        break;
      case 'section':
        if (!block.text && !block.fields) problems.push(`${at}: needs text or fields`);
        if (block.text) problems.push(...textObject(block.text, 3000, at));
        if (block.fields) {
          if (block.fields.length < 1 || block.fields.length > 10) problems.push(`${at}: ${block.fields.length} fields`);
          for (const field of block.fields) problems.push(...textObject(field, 2000, `${at} field`));
        }
        break;
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length < 1 || block.elements.length > 10)
          problems.push(`${at}: 1–10 elements`);
        for (const element of block.elements ?? []) problems.push(...textObject(element, 3000, at));
        break;
      case 'divider':
        break;
      case 'actions': {
        if (!Array.isArray(block.elements) || block.elements.length < 1 || block.elements.length > 25)
          problems.push(`${at}: 1–25 elements`);
        const ids = new Set<string>();
        for (const element of block.elements ?? []) {
          if (typeof element.action_id !== 'string' || element.action_id.length > 255) problems.push(`${at}: action_id`);
          if (ids.has(element.action_id)) problems.push(`${at}: action_id ${element.action_id} repeated`);
          ids.add(element.action_id);
          problems.push(...elementProblems(element, at));
        }
        break;
      }
      case 'input':
        problems.push(...plain(block.label, 2000, at));
        if (block.element?.type !== 'plain_text_input') problems.push(`${at}: element ${block.element?.type}`);
        else {
          const e = block.element;
          if (typeof e.action_id !== 'string' || e.action_id.length > 255) problems.push(`${at}: action_id`);
          if (e.max_length !== undefined && (e.max_length < 1 || e.max_length > 3000)) problems.push(`${at}: max_length ${e.max_length}`);
          if (e.min_length !== undefined && (e.min_length < 0 || e.min_length > 3000 || e.min_length > (e.max_length ?? 3000)))
            problems.push(`${at}: min_length`);
          if (e.initial_value !== undefined && e.initial_value.length > (e.max_length ?? 3000))
            problems.push(`${at}: initial_value longer than max_length`);
          if (e.placeholder) problems.push(...plain(e.placeholder, 150, `${at} placeholder`));
        }
        break;
    }
  });
  return problems;
}

function elementProblems(element: Json, at: string): string[] {
  switch (element.type) {
    case 'button': {
      const problems = plain(element.text, 75, `${at} button`);
      if (element.style !== undefined && !['primary', 'danger'].includes(element.style))
        problems.push(`${at}: button style ${element.style}`);
      if (element.url !== undefined && (typeof element.url !== 'string' || element.url.length > 3000)) problems.push(`${at}: url`);
      if (element.value !== undefined && String(element.value).length > 2000) problems.push(`${at}: value`);
      return problems;
    }
    case 'static_select':
    case 'multi_static_select': {
      const problems = plain(element.placeholder, 150, `${at} placeholder`);
      if (!Array.isArray(element.options) || element.options.length < 1 || element.options.length > 100)
        problems.push(`${at}: 1–100 options`);
      for (const option of element.options ?? []) {
        problems.push(...plain(option.text, 75, `${at} option`));
        if (typeof option.value !== 'string' || option.value.length > 150) problems.push(`${at}: option value`);
        if (option.description) problems.push(...plain(option.description, 75, `${at} option description`));
      }
      return problems;
    }
    default:
      return [`${at}: element type ${element.type}`];
  }
}

function plain(object: Json | undefined, max: number, at: string): string[] {
  if (!object || object.type !== 'plain_text') return [`${at}: needs plain_text`];
  return lengthProblems(object.text, max, at);
}

function textObject(object: Json | undefined, max: number, at: string): string[] {
  if (!object || (object.type !== 'plain_text' && object.type !== 'mrkdwn')) return [`${at}: needs a text object`];
  return lengthProblems(object.text, max, at);
}

function lengthProblems(text: unknown, max: number, at: string): string[] {
  if (typeof text !== 'string' || text.length < 1) return [`${at}: empty text`];
  return text.length > max ? [`${at}: ${text.length} characters; at most ${max}`] : [];
}

/** Every string a person could see in blocks (texts, labels, options), for escaping checks. */
export function visibleStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(visibleStrings);
  if (value && typeof value === 'object') {
    return Object.entries(value as Json).flatMap(([key, v]) =>
      key === 'action_id' || key === 'block_id' || key === 'url' ? [] : visibleStrings(v),
    );
  }
  return [];
}
