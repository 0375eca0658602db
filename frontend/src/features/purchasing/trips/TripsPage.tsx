// Buying trips: the list of trips (index) and one trip's page (:id) with its shopping list and
// summary. The shop screen (:id/shop) is drawn by app/App.tsx without the app's menu.
import { Route, Routes } from 'react-router-dom';
import { useTripEvents } from './api';
import { TripList } from './components/TripList';
import { TripPage } from './TripPage';

export function TripsPage() {
  useTripEvents();
  return (
    <Routes>
      <Route index element={<TripList />} />
      <Route path=":id" element={<TripPage />} />
    </Routes>
  );
}
