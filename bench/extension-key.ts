/**
 * The bench build's manifest key: an unpacked extension's id otherwise follows the folder it is
 * loaded from, and the cached 100k profile (bench-results/.cache) holds the database of one id only.
 * With the key every checkout's bench build is extension bhkchdfjfbieilcdiljflpdnigiainhn. A public key, nothing to keep secret.
 */
export const BENCH_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxQB8KZ9U2k2XUcKq+Wcx5YDXMU8VNletNffve3WPbsOxQfgCEWlln7m445Afcv3KqFCdiVL5mEaum9m3sqXzYZJL80zRqtqKg6X5CIxuYKDa6A9KiMrAZChxQ/J1Nbpl8AcvacB9NLfa8UUQNvncK1JaeAKlhxELubxqJbrmCGVZc05j4t064l+1Of5cbsBW6t/FBrsotpcL7xc/eSURcEE4zC2IXP7njIsne3b2gmLnXf1BJPAZRg8CClj7Nv8eKTiJYpwyvlZbfN4qGm9HG8kHpBB7ScyDa4WQ/02UdKWI3Wv43N4peitW1FUVIvD2kImI8JBbqzu9L80Z8UflxwIDAQAB';
export const BENCH_EXTENSION_ID = 'bhkchdfjfbieilcdiljflpdnigiainhn';
