/**
 * The few icons the navigation and the dashboard use: 20×20 outlines in the current colour,
 * hidden from assistive technology (the text next to them says what they mean).
 */
const paths = {
  dashboard: "M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z",
  workspace: "M3 6h14v11H3zM7 6V3h6v3M3 11h14",
  files: "M5 2h7l4 4v12H5zM12 2v4h4",
  teams: "M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM14 9a2.5 2.5 0 1 0 0-5M2 17c0-3 2.2-5 5-5s5 2 5 5M13 12c2.6 0 5 1.8 5 5",
  members: "M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 18c0-3.9 3.1-6 7-6s7 2.1 7 6",
  plugins: "M8 3h4v3h3v4h-2a2 2 0 1 0 0 4h2v3H5v-3h2a2 2 0 1 0 0-4H5V6h3z",
  settings:
    "M10 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM10 1.5v3M10 15.5v3M1.5 10h3M15.5 10h3M4 4l2.1 2.1M13.9 13.9 16 16M4 16l2.1-2.1M13.9 6.1 16 4",
  tenants: "M3 18V5l7-3 7 3v13M7 18v-4h6v4M7 8h1M12 8h1M7 11h1M12 11h1",
  users: "M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 17c0-3 2.2-5 5-5s5 2 5 5M14 4l1.5 1.5L18 3",
  analytics: "M3 17h14M5 14V9M9 14V4M13 14v-6M17 14v-3",
  activity: "M2 10h4l2-6 4 12 2-6h4",
  page: "M4 3h12v14H4zM7 7h6M7 10h6M7 13h4",
  reviews: "M3 4h14v9H9l-4 3v-3H3zM7 8h6",
  submissions: "M4 3h12v14H4zM7 8l2 2 4-4M7 14h6",
  vendors: "M3 8l7-5 7 5v9H3zM8 17v-5h4v5",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "h-5 w-5" }: { name: IconName; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
