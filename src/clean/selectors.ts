/**
 * @module Selector token lists for boilerplate and main-content containers, in the spirit of
 * trafilatura's `xpaths.py`: class/id tokens, not per-site rules.
 */

/** Elements never part of an article's text. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input',
  'select', 'textarea', 'option', 'form', 'head', 'title', 'meta', 'link', 'video', 'audio', 'source', 'picture',
  'img', 'map', 'dialog', 'math',
]);

/** Block-level elements: each starts a new line/paragraph in the text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
  'caption', 'legend', 'br',
]);

/**
 * Class/id tokens of boilerplate blocks inside an extracted article: share bars, captions,
 * related lists, newsletter boxes, comments, cookie notices, ads, bylines and datelines (the
 * benchmark's article bodies exclude them, as readers expect).
 */
export const BOILERPLATE_TOKENS = [
  'share', 'sharing', 'social', 'sharebar', 'share-bar', 'newsletter', 'subscribe', 'subscription', 'signup',
  'sign-up', 'related', 'recommend', 'recommended', 'outbrain', 'taboola', 'promo', 'comment', 'comments',
  'disqus', 'cookie', 'consent', 'gdpr', 'advert', 'advertisement', 'ad-container', 'ad-slot', 'adslot', 'ads',
  'sponsor', 'caption', 'figcaption', 'credit', 'byline', 'author-bio', 'tags', 'tag-list', 'breadcrumb',
  'breadcrumbs', 'toolbar', 'popup', 'modal', 'read-more', 'more-stories', 'most-popular', 'trending',
  'inline-related', 'further-reading', 'print', 'sidebar', 'paywall', 'subscriber', 'meta', 'dateline',
  'timestamp', 'correction', 'disclaimer', 'footer', 'hidden', 'visually-hidden', 'sr-only', 'screen-reader',
];

/** Tags dropped inside an extracted article (figure captions, navigation, asides). */
export const BOILERPLATE_TAGS = new Set(['figcaption', 'nav', 'aside', 'footer', 'form', 'button']);

/** Containers that usually hold the article body. */
export const CONTENT_SELECTORS = [
  '[itemprop="articleBody"]', 'article [class*="article-body"]', '[class*="article-body"]', '[class*="articleBody"]',
  '[class*="story-body"]', '[class*="entry-content"]', '[class*="post-content"]', '[class*="article-content"]',
  '[class*="article__body"]', '[class*="content-body"]', '[class*="post-body"]', 'article', 'main', '[role="main"]',
];
