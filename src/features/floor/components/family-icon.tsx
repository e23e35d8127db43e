// The family icons moved to `src/components/ui` so the agent timeline draws the same shapes;
// the floor's components keep importing them from here.
export { FAMILY_ICONS, FamilyIcon } from '@/components/ui/family-icon'
