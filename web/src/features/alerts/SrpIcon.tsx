/** Simple pictograms of the five SRP actions (inline SVG: nothing to load during an emergency). */
export function SrpIcon({ action, className }: { action: string; className?: string }) {
  const common = {
    className: ['srp-icon', className ?? ''].filter(Boolean).join(' '),
    viewBox: '0 0 48 48',
    'aria-hidden': true,
    focusable: false,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 3.5,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
  };
  switch (action) {
    case 'lockdown':
      // A padlock.
      return (
        <svg {...common}>
          <rect x="10" y="21" width="28" height="21" rx="3" />
          <path d="M16 21v-6a8 8 0 0 1 16 0v6" />
          <path d="M24 29v6" />
        </svg>
      );
    case 'secure':
      // A shield: the building's perimeter is locked.
      return (
        <svg {...common}>
          <path d="M24 5 8 11v11c0 10 7 18 16 21 9-3 16-11 16-21V11z" />
          <path d="m17 24 5 5 9-10" />
        </svg>
      );
    case 'hold':
      // An open hand: stay where you are.
      return (
        <svg {...common}>
          <path d="M16 26V12a3 3 0 0 1 6 0v11M22 22V9a3 3 0 0 1 6 0v13M28 22V11a3 3 0 0 1 6 0v16c0 9-5 15-12 15-5 0-8-3-11-8l-4-7a3 3 0 0 1 5-3l2 3" />
        </svg>
      );
    case 'evacuate':
      // An arrow through a door.
      return (
        <svg {...common}>
          <path d="M20 6H8v36h12" />
          <path d="M18 24h24M34 16l8 8-8 8" />
        </svg>
      );
    case 'shelter':
      // A roof over a person.
      return (
        <svg {...common}>
          <path d="M4 22 24 6l20 16" />
          <path d="M10 18v24h28V18" />
          <circle cx="24" cy="25" r="3" />
          <path d="M24 29v7M19 33h10" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M24 6 4 42h40z" />
          <path d="M24 20v10M24 36v1" />
        </svg>
      );
  }
}
