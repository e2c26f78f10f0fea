/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    // The link's landing pages: no Referer carries anything from them.
    return [{ source: '/auth/link/:path*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] }];
  },
};

export default nextConfig;
