// OpenCC's dictionary modules export their table as one string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
