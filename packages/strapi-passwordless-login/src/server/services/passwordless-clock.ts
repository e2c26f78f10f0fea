/**
 * The one source of "now" for challenges. Tests replace `now` to move time forward
 * instead of sleeping.
 */
export default () => ({
  now(): number {
    return Date.now();
  },
});
