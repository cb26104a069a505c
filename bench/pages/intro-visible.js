// Notes, as `window.introVisibleMs`, when the intro's start button is on screen (ms from navigation start).
const element = document.querySelector('ekyc-flow');
const check = () => {
  const button = element?.shadowRoot?.querySelector('[part~="start-button"]');
  if (button && button.getBoundingClientRect().height > 0 && button.textContent.trim() !== '') {
    window.introVisibleMs = performance.now();
    return;
  }
  requestAnimationFrame(check);
};
requestAnimationFrame(check);
