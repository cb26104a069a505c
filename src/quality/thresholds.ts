/**
 * Limits `judgeDocumentFrame` applies. They were set on the synthetic fixture
 * set (`test/quality/fixtures/`: a card in a 1280×720 or 1920×1080 view,
 * analysed at 400 px), so that every clean frame passes and every clearly
 * degraded one fails with the right hint; each comment says where the value
 * sits between the two.
 */
export const DOCUMENT_THRESHOLDS = {
  /**
   * A side counts as found from this score (0–1: the weakest quarter of its
   * length). Real sides score 0.9–1 on a desk, wood or dark cloth and 0.4–0.8
   * for a light card on a white desk; a photo's border or a text column
   * standing in for a side that is out of view scores under 0.2.
   */
  minSideScore: 0.6,
  /**
   * Card area over guide area. A card 80 % as wide as the guide (0.64) still
   * has text large enough to read; at 70 % (0.49) it is too far away.
   */
  minFill: 0.6,
  /**
   * Degrees the card may be turned in its plane (the mean lean of its found sides): a card turned by 6° passes; by
   * 12° it is not placed in the guide.
   */
  maxTilt: 8,
  /**
   * Degrees a found side may lean apart from the card's turn, as perspective leans a card's sides apart: some 10°
   * for a card leaning 20° away from a phone's camera at 10 cm, 20° at 40°.
   */
  maxSlant: 14,
  /**
   * The same with a side out of view, when the squareness cannot be measured: as far as the two opposite sides of a
   * card at `minSquareness` lean apart (some 11°), so that a card seen too far at a slant is not taken for one cut off.
   */
  maxSlantOfThreeSides: 11,
  /**
   * Shorter over longer opposite side: a card seen at a slant passes at 80 % (top edge 80 % of the bottom: leaning
   * 20° away from a phone at 10 cm), not at 70 % (leaning 40°).
   */
  minSquareness: 0.74,
  /**
   * When even the bright parts of the view (95th percentile) are darker than this, it is too dark to find a card in.
   */
  minViewHigh: 30,
  /**
   * When more than this share of the whole view is blown out, it is too bright
   * to find a card in: 43 % at 1.25× exposure, where a light card's sides begin
   * to merge with a blown-out desk.
   */
  maxViewBlown: 0.4,
  /**
   * Mean grey level of the card under which it is too dark: 185–220 in good light, 82 at 0.45× exposure,
   * 55 at 0.3×.
   */
  minMean: 70,
  /**
   * Share of the card blown out above which the exposure, not one reflection,
   * is too bright: none at the right exposure, 21 % at 1.1×, 66 % at 1.25×.
   */
  maxBlownShare: 0.15,
  /**
   * Contrast of the view, (p95 − p5) / (p95 + p5): 0.36–0.83 for a card in
   * good light (the light back of an ID card on a grey desk is the lowest),
   * 0.27 at 35 % of the contrast, 0.25 for that back on a white desk.
   */
  minContrast: 0.3,
  /**
   * Largest blown-out patch, as a share of the card: 0.3 % is a spot about
   * as wide as two lines of text are high (a glare core of 15 px radius on a
   * card 880 px wide); 0.8 % hides a word.
   */
  maxGlarePatch: 0.003,
  /**
   * Sharpness (0–4) under which text is too blurred to read: 2.3–3.0 when
   * sharp, 1.1 at a 2 px blur of a 1280×720 view, 0.5 at 3 px, 0.44 or less
   * at 4 px even with sensor noise.
   */
  minSharpness: 0.8,
  /**
   * Mean grey-level change between consecutive thumbnails above which the view is moving: 0.8 for 1 px, 7 for 10 px.
   */
  maxMotion: 4,
} as const;

export type DocumentThresholds = { [K in keyof typeof DOCUMENT_THRESHOLDS]: number };
